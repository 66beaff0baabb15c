package com.simkiosk.mock.pcsc;

import java.io.File;
import com.simkiosk.mock.vpcd.PcscdProcess;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class its own real pcscd, started before the first test and stopped by PID after the last
 * one, also when tests fail (JUnit closes the stored resource). pcscd's output goes to target/pcscd.log.
 */
public final class PcscdExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PcscdExtension.class);

    private record Owned(PcscdProcess pcscd) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            pcscd.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        new File("target").mkdirs();
        PcscdProcess pcscd = new PcscdProcess(new File("target/pcscd.log"));
        context.getStore(NS).put(PcscdProcess.class, new Owned(pcscd));
        pcscd.start();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PcscdProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).get(PcscdProcess.class, Owned.class).pcscd();
    }
}
