package com.simkiosk.card.fs;

/** EF.SPN (6F46): the brand the handset shows, and its display condition byte. */
public record ServiceProviderName(int displayCondition, String name) {
    public ServiceProviderName {
        if (name == null || name.length() > 16) {
            throw new IllegalArgumentException("a service provider name has at most 16 characters");
        }
    }
}
