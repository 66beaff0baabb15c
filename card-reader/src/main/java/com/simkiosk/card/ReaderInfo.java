package com.simkiosk.card;

/** A reader the HAL can see, and whether a card sits in it. */
public record ReaderInfo(String name, boolean cardPresent) {}
