package com.simkiosk.carrier;

public enum UsageType { DATA, VOICE, SMS, MONETARY }
