package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.pcsc.PcscSimReader;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./kiosk readers [--json]}: the PC/SC readers and whether a card sits in each. */
@Command(name = "readers", mixinStandardHelpOptions = true,
        description = "List the PC/SC smart card readers and whether a card is present.")
public final class ReadersCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<ReaderInfo> readers;
        try (PcscSimReader pcsc = new PcscSimReader()) {
            readers = pcsc.listReaders();
        } catch (CardIoException e) {
            if (json) {
                out.println(CardJson.MAPPER.writeValueAsString(
                        CardJson.error(e.error(), CardJson.explain(e.error()) + " (" + e.getMessage() + ")")));
            } else {
                out.println("error: " + CardJson.explain(e.error()) + " (" + e.getMessage() + ")");
            }
            return 1;
        }
        if (json) {
            ObjectNode root = CardJson.MAPPER.createObjectNode();
            ArrayNode list = root.putArray("readers");
            readers.forEach(r -> list.addObject().put("name", r.name()).put("cardPresent", r.cardPresent()));
            out.println(CardJson.MAPPER.writeValueAsString(root));
        } else if (readers.isEmpty()) {
            out.println("no readers");
        } else {
            readers.forEach(r -> out.println(r.name() + (r.cardPresent() ? "  [card present]" : "  [empty]")));
        }
        return 0;
    }
}
