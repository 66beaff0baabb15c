package com.simkiosk.kiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.simkiosk.card.network.NetworkQuery;
import com.simkiosk.card.network.NetworkSession;
import com.simkiosk.card.network.ReplyTemplate;
import com.simkiosk.card.network.ReplyTemplates;
import com.simkiosk.card.network.UssdMenu;
import com.simkiosk.kiosk.flow.NetworkRoutes;
import com.simkiosk.kiosk.flow.NetworkRoutes.DomesticCost;
import com.simkiosk.kiosk.flow.NetworkRoutes.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code "networkBalance"} (issue 14, {@code docs/network-balance.md}): the table of rows saying where each
 * line's balance is asked, the configuration's own reply templates, and the network session's bounds. Each bad row
 * is reported on one line ({@code networkBalance.routes[2]: …; …}), with every mistake of that row. Absent: no
 * table ({@link NetworkRoutes#NONE}).
 */
final class NetworkBalanceConfig {
    private static final Pattern PREFIX = Pattern.compile("89\\d{1,10}");
    private static final Pattern MCC_MNC = Pattern.compile("\\d{3}-?\\d{2,3}");
    /** {@code *100#}, {@code *#100#}, {@code #123*1#}: stars, hashes and digits, ending in {@code #}. */
    private static final Pattern USSD = Pattern.compile("[*#][0-9*#]{0,30}#");
    private static final Pattern SHORT_NUMBER = Pattern.compile("\\+?\\d{3,15}");
    /** One UCS2 SMS holds 70 characters: a longer keyword would go out in parts. */
    static final int MAX_KEYWORD = 70;

    private NetworkBalanceConfig() {}

    static NetworkRoutes read(Optional<JsonFields> section) {
        if (section.isEmpty()) {
            return NetworkRoutes.NONE;
        }
        JsonFields n = section.get();
        n.allowOnly(Set.of("routes", "templates", "registrationSeconds", "replySeconds"));
        NetworkSession.Settings d = NetworkSession.Settings.DEFAULT;
        NetworkSession.Settings settings = new NetworkSession.Settings(d.command(), d.radioOn(),
                Duration.ofSeconds(n.integer("registrationSeconds", (int) d.registration().toSeconds(), 5, 180)),
                Duration.ofSeconds(n.integer("replySeconds", (int) d.reply().toSeconds(), 5, 180)), d.poll());
        Map<String, ReplyTemplate> templates = templates(n);
        List<Route> routes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode rows = n.fields().get("routes");
        if (rows == null || rows.isNull()) {
            n.problem("routes", "missing: a list of rows such as {\"iccidPrefix\": \"8944\", \"method\": \"ussd\", \"code\": \"*100#\"}");
        } else if (!rows.isArray()) {
            n.problem("routes", "must be a list");
        } else {
            for (int i = 0; i < rows.size(); i++) {
                String where = "routes[" + i + "]";
                List<String> mine = new ArrayList<>();
                Optional<Route> route = rows.get(i).isObject()
                        ? row(new JsonFields(rows.get(i), "", mine), templates)
                        : Optional.empty();
                if (!rows.get(i).isObject()) {
                    mine.add("must be an object");
                }
                if (route.isPresent() && !seen.add(route.get().iccidPrefix() + "/" + route.get().mccMnc().orElse(""))) {
                    mine.add("a second row for prefix " + route.get().iccidPrefix()
                            + route.get().mccMnc().map(m -> " on " + m).orElse("") + " (which one should win?)");
                }
                if (mine.isEmpty() && route.isPresent()) {
                    routes.add(route.get());
                } else {
                    n.problem(where, String.join("; ", mine));
                }
            }
        }
        return new NetworkRoutes(routes, settings);
    }

    /** Built-in templates, then the configuration's own (which may not reuse a built-in name). */
    private static Map<String, ReplyTemplate> templates(JsonFields n) {
        ReplyTemplates builtIn = ReplyTemplates.builtIn();
        Map<String, ReplyTemplate> all = new LinkedHashMap<>();
        builtIn.names().forEach(name -> all.put(name, builtIn.find(name).orElseThrow()));
        JsonNode own = n.fields().get("templates");
        if (own == null || own.isNull()) {
            return all;
        }
        if (!own.isArray()) {
            n.problem("templates", "must be a list of {\"name\", \"pattern\", \"menu\"}");
            return all;
        }
        for (int i = 0; i < own.size(); i++) {
            JsonNode t = own.get(i);
            String where = "templates[" + i + "]";
            String name = t.path("name").asText("");
            if (!t.isObject() || name.isBlank() || !t.path("pattern").isTextual()) {
                n.problem(where, "needs a \"name\" and a \"pattern\" (a regular expression with named groups)");
                continue;
            }
            if (all.containsKey(name)) {
                n.problem(where, "the name '" + name + "' is taken (built in, or given twice)");
                continue;
            }
            try {
                all.put(name, ReplyTemplates.read(((ArrayNode) own).arrayNode().add(t)).find(name).orElseThrow());
            } catch (IllegalArgumentException e) {
                n.problem(where, e.getMessage());
            }
        }
        return all;
    }

    private static Optional<Route> row(JsonFields r, Map<String, ReplyTemplate> templates) {
        r.allowOnly(Set.of("iccidPrefix", "mccMnc", "method", "code", "number", "keyword", "template", "domesticCost"));
        String prefix = r.text("iccidPrefix");
        if (!prefix.isEmpty() && !PREFIX.matcher(prefix).matches()) {
            r.problem("iccidPrefix", "'" + prefix + "' is not an ICCID prefix (89 and 1 to 10 digits, e.g. 8944)");
        }
        Optional<String> mccMnc = r.optionalText("mccMnc");
        if (mccMnc.isPresent() && !MCC_MNC.matcher(mccMnc.get()).matches()) {
            r.problem("mccMnc", "'" + mccMnc.get() + "' is not an MCC-MNC (3 digits and 2 or 3, e.g. 44010)");
        }
        mccMnc = mccMnc.map(m -> m.replace("-", ""));
        String method = r.text("method");
        Optional<NetworkQuery> query = Optional.empty();
        Optional<String> templateName = r.optionalText("template");
        Optional<ReplyTemplate> template = templateName.map(templates::get);
        if (templateName.isPresent() && template.isEmpty()) {
            r.problem("template", "no template named '" + templateName.get() + "' (known: "
                    + String.join(", ", templates.keySet()) + ")");
        }
        switch (method) {
            case "api" -> {
                for (String f : List.of("code", "number", "keyword", "template", "domesticCost")) {
                    if (r.has(f)) {
                        r.problem(f, "not for method api (the carrier's back end answers)");
                    }
                }
            }
            case "ussd" -> {
                String code = r.text("code");
                if (!code.isEmpty() && !USSD.matcher(code).matches()) {
                    r.problem("code", "'" + code + "' is not a USSD code (digits, * and #, ending in #, e.g. *100#)");
                }
                for (String f : List.of("number", "keyword")) {
                    if (r.has(f)) {
                        r.problem(f, "not for method ussd (that is method sms)");
                    }
                }
                query = Optional.of(new NetworkQuery.Ussd(code, template.map(ReplyTemplate::menu).orElse(UssdMenu.NONE)));
            }
            case "sms" -> {
                String number = r.text("number");
                String keyword = r.text("keyword");
                if (!number.isEmpty() && !SHORT_NUMBER.matcher(number).matches()) {
                    r.problem("number", "'" + number + "' is not a number to text (3 to 15 digits, a leading + allowed)");
                }
                if (keyword.codePointCount(0, keyword.length()) > MAX_KEYWORD) {
                    r.problem("keyword", "longer than " + MAX_KEYWORD + " characters (one SMS)");
                }
                if (r.has("code")) {
                    r.problem("code", "not for method sms (that is method ussd)");
                }
                query = Optional.of(new NetworkQuery.Sms(number, keyword));
            }
            default -> {
                if (!method.isEmpty()) {
                    r.problem("method", "must be api, ussd or sms (was '" + method + "')");
                }
            }
        }
        String cost = r.optionalText("domesticCost").orElse("ask");
        DomesticCost domesticCost = switch (cost) {
            case "ask" -> DomesticCost.ASK;
            case "no-ask" -> DomesticCost.NO_ASK;
            default -> {
                r.problem("domesticCost", "must be ask or no-ask (was '" + cost + "')");
                yield DomesticCost.ASK;
            }
        };
        if (domesticCost == DomesticCost.NO_ASK && prefix.startsWith("89") && !prefix.startsWith("8981")
                && prefix.length() >= 4) {
            r.problem("domesticCost", "no-ask is for Japanese lines (8981…) only: a foreign SIM is always asked");
        }
        return Optional.of(new Route(prefix, mccMnc, query, template, domesticCost));
    }
}
