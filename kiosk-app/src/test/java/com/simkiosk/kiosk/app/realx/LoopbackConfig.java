package com.simkiosk.kiosk.app.realx;

import com.simkiosk.mock.carrier.CarrierSimulator;
import com.simkiosk.mock.carrier.DemoLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A real kiosk's configuration for the tests that start {@code ./kiosk --config}: the carrier simulator on loopback. */
final class LoopbackConfig {
    private LoopbackConfig() {
    }

    /**
     * Writes it to {@code file}, readable by its owner only: it holds a client secret, and the kiosk refuses a
     * configuration with a secret that others may read, as an operator's would be.
     */
    static Path write(Path file, CarrierSimulator carrier, String storeId, String kioskId) throws IOException {
        Files.writeString(file, """
                {
                  "storeId": "%s",
                  "kioskId": "%s",
                  "reader": { "type": "memory" },
                  "backends": [
                    { "name": "simulator", "baseUrl": "%s", "clientId": "%s", "clientSecret": "%s",
                      "iccidPrefixes": ["898110", "898120", "898130", "898109", "898103"] }
                  ],
                  "printer": { "type": "memory" },
                  "maintenancePin": {
                    "algorithm": "PBKDF2WithHmacSHA256",
                    "iterations": 600000,
                    "salt": "KKB47rpw22rW4LuR/8JxUA==",
                    "hash": "6fqbDaU2vfPH30VV873oFEJ4Y7vUQbcm3eTdgjVqrHI="
                  }
                }
                """.formatted(storeId, kioskId, carrier.baseUri().toString().replaceAll("/$", ""),
                DemoLines.CLIENT_ID, DemoLines.CLIENT_SECRET));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
