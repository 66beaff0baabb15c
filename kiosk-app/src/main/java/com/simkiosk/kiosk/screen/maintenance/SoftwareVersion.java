package com.simkiosk.kiosk.screen.maintenance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The kiosk software's version, as Maven recorded it in the kiosk-app jar; "development build" when run from classes. */
public final class SoftwareVersion {
    static final String POM_PROPERTIES = "/META-INF/maven/com.simkiosk/kiosk-app/pom.properties";
    static final String UNKNOWN = "development build";

    private SoftwareVersion() {}

    public static String current() {
        try (InputStream in = SoftwareVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", UNKNOWN);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
