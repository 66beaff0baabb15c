package com.simkiosk.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * What the launcher prints when a command fails in a way it did not classify itself: never a stack trace,
 * and with {@code --json} the same {@code {"error","message"}} shape as every classified failure.
 */
public final class CliFailures implements IExecutionExceptionHandler, IParameterExceptionHandler {
    public static final int UNEXPECTED = 1;
    public static final int INVALID_INPUT = 2;
    private static final Logger log = LoggerFactory.getLogger(CliFailures.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IParameterExceptionHandler plainText;

    private CliFailures(IParameterExceptionHandler plainText) {
        this.plainText = plainText;
    }

    /** Installs both handlers on {@code cli} (and its subcommands); returns it for chaining. */
    public static CommandLine install(CommandLine cli) {
        CliFailures failures = new CliFailures(cli.getParameterExceptionHandler());
        return cli.setExecutionExceptionHandler(failures).setParameterExceptionHandler(failures);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        // The message of an unexpected exception may hold anything, personal data included: it goes to the
        // log at DEBUG (ask with -Dkiosk.log.level=DEBUG), never to the output.
        log.debug("{} failed unexpectedly", command.getCommandName(), e);
        report(command, wantsJson(command.getParseResult()), "INTERNAL_ERROR",
                command.getCommandName() + " failed unexpectedly; run with KIOSK_JAVA_OPTS=-Dkiosk.log.level=DEBUG for details");
        return UNEXPECTED;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) throws Exception {
        if (!Arrays.asList(args).contains("--json")) {
            return plainText.handleParseException(e, args); // picocli's message and usage
        }
        report(e.getCommandLine(), true, "INVALID_INPUT", e.getMessage());
        return INVALID_INPUT;
    }

    private static boolean wantsJson(ParseResult parsed) {
        return parsed != null && parsed.hasMatchedOption("--json");
    }

    private static void report(CommandLine command, boolean json, String code, String message) {
        if (json) {
            ObjectNode out = JSON.createObjectNode().put("error", code).put("message", message);
            PrintWriter w = command.getOut();
            w.println(out);
            w.flush();
        } else {
            PrintWriter w = command.getErr();
            w.println(command.getCommandName() + ": " + message);
            w.flush();
        }
    }
}
