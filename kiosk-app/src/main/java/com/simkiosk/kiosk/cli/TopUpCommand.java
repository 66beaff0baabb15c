package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.Units;
import com.simkiosk.carrier.tmf.TmfCarrierClient;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kiosk topup}: orders one top-up for a SIM's line, paid at the register, the way the kiosk does (TMF654
 * {@code TopupBalance}, polled until completed; a lost answer is looked up by the order's {@code externalId}, never
 * simply sent again). It buys for real on a production back end: meant for a simulator or a test system.
 */
@Command(name = "topup", mixinStandardHelpOptions = true,
        description = "Order a data top-up paid at the register for a SIM's line (TMF654); prints the payment code.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:ordered", "1:the carrier answered with an error (see \"error\")", "2:invalid input"})
public final class TopUpCommand extends SimLineCommand {
    @Option(names = "--offer", required = true, paramLabel = "ID", description = "The offering id, as listed by ./kiosk offers.")
    String offerId;

    @Override
    int run(TmfCarrierClient client, Line line) throws CarrierException {
        Optional<TopUpOffer> offer = client.topUpOffers(line).stream().filter(o -> o.id().equals(offerId)).findFirst();
        if (offer.isEmpty()) {
            return carrier.fail(spec, "NOT_FOUND", "the carrier offers no top-up " + offerId
                    + " for this line (see ./kiosk offers)", CarrierOptions.CARRIER_ERROR);
        }
        // The kiosk's own order id: the carrier keeps it as externalId, so a lost answer is found, not re-bought.
        TopUpOrder order = client.orderTopUp(line, offer.get(), "kiosk-cli-" + UUID.randomUUID());
        print(spec.commandLine().getOut(), order);
        return 0;
    }

    private void print(PrintWriter out, TopUpOrder order) {
        if (carrier.json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            ObjectNode topUp = root.putObject("topUp");
            topUp.put("id", order.orderId());
            topUp.put("status", "completed"); // the client returns an order only once the carrier completed it
            ObjectNode payment = topUp.putObject("payment");
            payment.put("code", order.paymentCode());
            payment.put("amountYen", order.amountYen());
            payment.put("payBy", OffsetDateTime.ofInstant(order.payBy(), Units.JAPAN).toString());
            out.println(root);
        } else {
            out.printf("Order    %s (completed)%n", order.orderId());
            out.printf("Offer    %s%n", order.offerId());
            out.printf("Pay      %,d yen at the register with code %s%n", order.amountYen(), order.paymentCode());
            out.printf("Pay by   %s%n", Units.showInJapan(order.payBy()));
        }
        out.flush();
    }
}
