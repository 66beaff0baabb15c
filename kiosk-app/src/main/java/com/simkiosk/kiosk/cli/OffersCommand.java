package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ./kiosk offers}: the top-ups a carrier back end sells for one SIM's line (TMF637 lookup, TMF620 offerings). */
@Command(name = "offers", mixinStandardHelpOptions = true,
        description = "List the data top-ups a carrier back end offers for a SIM's line (TMF620).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:listed", "1:the carrier answered with an error (see \"error\")", "2:invalid input"})
public final class OffersCommand extends SimLineCommand {
    @Override
    int run(TmfCarrierClient client, Line line) throws CarrierException {
        print(spec.commandLine().getOut(), client.topUpOffers(line));
        return 0;
    }

    private void print(PrintWriter out, List<TopUpOffer> offers) {
        if (carrier.json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            ArrayNode list = root.putArray("offers");
            for (TopUpOffer o : offers) {
                list.addObject().put("id", o.id()).put("name", o.name()).put("priceYen", o.priceYen())
                        .put("dataBytes", o.dataBytes()).put("validityDays", o.validity().toDays());
            }
            out.println(root);
        } else if (offers.isEmpty()) {
            out.println("No top-ups on offer for this line.");
        } else {
            for (TopUpOffer o : offers) {
                out.printf("%-24s %,7d yen  %7.2f GB  %3d days  %s%n", o.id(), o.priceYen(), o.dataBytes() / 1e9,
                        o.validity().toDays(), o.name());
            }
        }
        out.flush();
    }
}
