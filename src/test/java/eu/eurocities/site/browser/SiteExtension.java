package eu.eurocities.site.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods the real site built once per test run ({@link BuiltSite}), a server for it
 * ({@link StaticServer}) and one Chromium session ({@link Browser}). They live in the root store of the run, so
 * every test class that asks shares them, and JUnit closes them when the run ends.
 */
final class SiteExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SiteExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == BuiltSite.class || type == StaticServer.class || type == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == BuiltSite.class) {
            return site(context);
        }
        if (type == StaticServer.class) {
            return store(context)
                    .getOrComputeIfAbsent(StaticServer.class, k -> serve(site(context)), StaticServer.class);
        }
        return store(context).getOrComputeIfAbsent(Browser.class, k -> startBrowser(), Browser.class);
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getRoot().getStore(NS);
    }

    private static BuiltSite site(ExtensionContext context) {
        return store(context).getOrComputeIfAbsent(BuiltSite.class, k -> BuiltSite.build(), BuiltSite.class);
    }

    private static StaticServer serve(BuiltSite site) {
        try {
            return new StaticServer(site.root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Browser startBrowser() {
        try {
            return Browser.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
