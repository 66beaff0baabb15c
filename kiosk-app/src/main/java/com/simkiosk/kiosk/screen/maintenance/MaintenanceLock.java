package com.simkiosk.kiosk.screen.maintenance;

/** Checks a maintenance PIN (against a hash from the configuration); never stores or logs the PIN. */
@FunctionalInterface
public interface MaintenanceLock {
    boolean unlocks(String pin);
}
