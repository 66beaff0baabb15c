package com.simkiosk.carrier;

public enum LineStatus { ACTIVE, SUSPENDED, TERMINATED }
