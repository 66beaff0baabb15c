package com.simkiosk.card.network;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * A reader whose SIM sits in a cellular module, so that the SIM's own network can be asked (issue 14). Blocking and
 * bounded by {@code settings}; the radio is off again and the SIM as it was found when the call returns, whatever
 * happened. The PIN is never given here: a SIM with its PIN enabled must be unlocked through the reader's own PIN
 * check first (which never spends the last try), else the answer is {@link NetworkError#SIM_NOT_READY}.
 */
public interface NetworkAccess {

    /** The same {@code query} whatever network the SIM registers on. */
    default NetworkReply askNetwork(String reader, NetworkQuery query, NetworkSession.Settings settings, Clock clock)
            throws NetworkException {
        return askNetworkChoosing(reader, network -> query, settings, clock);
    }

    /**
     * The question chosen once registered and before anything is sent: {@code choose} gets the serving network's
     * MCC-MNC ({@link NetworkSession#mccMnc()}, empty when the module does not give it).
     */
    NetworkReply askNetworkChoosing(String reader, Function<Optional<String>, NetworkQuery> choose,
                                    NetworkSession.Settings settings, Clock clock) throws NetworkException;
}
