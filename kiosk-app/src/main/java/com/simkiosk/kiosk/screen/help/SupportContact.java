package com.simkiosk.kiosk.screen.help;

import java.net.URI;
import java.util.Optional;

/**
 * How a customer reaches a carrier's own support: its phone number (shown as configured, e.g. {@code 0120-000-000})
 * and its support page (shown as a QR code). {@code backend} is the configured back end's name.
 */
public record SupportContact(String backend, Optional<String> phone, Optional<URI> url) {
    public boolean isEmpty() {
        return phone.isEmpty() && url.isEmpty();
    }
}
