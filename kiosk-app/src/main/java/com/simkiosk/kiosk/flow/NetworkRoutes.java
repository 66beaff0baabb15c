package com.simkiosk.kiosk.flow;

import com.simkiosk.card.network.NetworkQuery;
import com.simkiosk.card.network.NetworkSession;
import com.simkiosk.card.network.ReplyTemplate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where each line's balance is asked (issue 14): rows matched by ICCID prefix, the longest prefix winning, and
 * optionally by the MCC-MNC of the network (a row naming one beats a row without it for the same prefix, and only
 * matches when that network is known). A row says API (the carrier back ends, as without the table) or a question
 * for the SIM's own network (USSD code, or SMS number and keyword) with an optional reply template and, for
 * domestic lines, whether the customer is asked before anything is sent. Foreign SIMs are always asked.
 * {@link #NONE}: no table, today's behaviour (every line through the back ends).
 */
public record NetworkRoutes(List<Route> routes, NetworkSession.Settings settings) {

    public static final NetworkRoutes NONE = new NetworkRoutes(List.of(), NetworkSession.Settings.DEFAULT);

    public NetworkRoutes {
        routes = List.copyOf(routes);
    }

    /** The customer's consent before a USSD or SMS goes out from a domestic line; foreign lines are always asked. */
    public enum DomesticCost { ASK, NO_ASK }

    /**
     * One row. {@code query} empty: the API. The code, number and keyword are the carrier's (not personal), but
     * {@link #toString()} names only the prefix and the kind, as logs need no more.
     */
    public record Route(String iccidPrefix, Optional<String> mccMnc, Optional<NetworkQuery> query,
                        Optional<ReplyTemplate> template, DomesticCost domesticCost) {
        public boolean api() {
            return query.isEmpty();
        }

        /** Whether the customer is asked before the question goes out. */
        public boolean asks(boolean foreign) {
            return foreign || domesticCost == DomesticCost.ASK;
        }

        @Override
        public String toString() {
            return "Route[" + iccidPrefix + mccMnc.map(m -> " on " + m).orElse("") + ", "
                    + query.map(q -> q.source().name()).orElse("API") + "]";
        }
    }

    /**
     * The row for an ICCID on a network (empty when the network is not known): the longest prefix wins; between
     * rows of the same prefix, the one naming this network beats the one naming none.
     */
    public Optional<Route> match(String iccid, Optional<String> mccMnc) {
        return routes.stream()
                .filter(r -> iccid.startsWith(r.iccidPrefix()))
                .filter(r -> r.mccMnc().isEmpty() || r.mccMnc().equals(mccMnc))
                .max(Comparator.comparingInt((Route r) -> r.iccidPrefix().length())
                        .thenComparing(r -> r.mccMnc().isPresent()));
    }

    public boolean isEmpty() {
        return routes.isEmpty();
    }
}
