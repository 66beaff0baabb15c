package com.simkiosk.kiosk.screen.help;

import java.util.List;
import java.util.Optional;

/**
 * What the help overlay offers, from the configuration: whether "Call staff" is there, whether it also sounds a
 * chime, and each back end's support contact (the aggregator's, if any, is {@code fallback}: it is shown when the
 * session's own back end is not known or has none).
 */
public record HelpSettings(boolean callStaff, boolean sound, List<SupportContact> contacts, Optional<SupportContact> fallback) {
    public HelpSettings {
        contacts = List.copyOf(contacts);
    }

    /** Call staff with a notice and a chime; no carrier contacts. */
    public static HelpSettings defaults() {
        return new HelpSettings(true, true, List.of(), Optional.empty());
    }

    /** Demo mode and the tour: the simulator's carrier with a made-up support number and page (example.jp). */
    public static HelpSettings demo() {
        return defaults().withContacts(List.of(new SupportContact("demo", Optional.of("0120-000-000"),
                Optional.of(java.net.URI.create("https://support.example.jp/sim")))), Optional.empty());
    }

    public HelpSettings withContacts(List<SupportContact> contacts, Optional<SupportContact> fallback) {
        return new HelpSettings(callStaff, sound, contacts, fallback);
    }

    /**
     * The contact to show on an error that sends the customer to their carrier: the session's back end's when it is
     * known and has one, else the aggregator's, else the only back end that has one. Empty when none can be chosen
     * honestly (several carriers, none known): a wrong carrier's number is worse than none.
     */
    public Optional<SupportContact> contactFor(Optional<String> backend) {
        Optional<SupportContact> own = backend.flatMap(b -> contacts.stream().filter(c -> c.backend().equals(b)).findFirst())
                .filter(c -> !c.isEmpty());
        if (own.isPresent()) {
            return own;
        }
        Optional<SupportContact> aggregator = fallback.filter(c -> !c.isEmpty());
        if (aggregator.isPresent()) {
            return aggregator;
        }
        List<SupportContact> withContact = contacts.stream().filter(c -> !c.isEmpty()).toList();
        return withContact.size() == 1 ? Optional.of(withContact.get(0)) : Optional.empty();
    }
}
