package ai.perstack.testkit;

import ai.perstack.client.PerstackClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link PerstackLocal}; also usable with
 * {@code @ExtendWith(PerstackLocalExtension.class)} (per-class lifecycle). Each platform is
 * private to its test class (or method), so classes can run in parallel.
 */
public final class PerstackLocalExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PerstackLocalExtension.class);
    private static final String KEY = "platform";

    /** Created by JUnit. */
    public PerstackLocalExtension() {
    }

    private static PerstackLocal.Lifecycle lifecycle(ExtensionContext context) {
        return context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, PerstackLocal.class))
                .map(PerstackLocal::lifecycle)
                .orElse(PerstackLocal.Lifecycle.PER_CLASS);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (lifecycle(context) == PerstackLocal.Lifecycle.PER_CLASS) {
            context.getStore(NAMESPACE).put(KEY, LocalPerstack.start());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close(context.getStore(NAMESPACE).remove(KEY, LocalPerstack.class));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (lifecycle(context) == PerstackLocal.Lifecycle.PER_METHOD) {
            context.getStore(NAMESPACE).put(KEY, LocalPerstack.start());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (lifecycle(context) == PerstackLocal.Lifecycle.PER_METHOD) {
            close(context.getStore(NAMESPACE).remove(KEY, LocalPerstack.class));
        }
    }

    private static void close(LocalPerstack platform) {
        if (platform != null) {
            platform.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PerstackClient.class || type == LocalPerstack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalPerstack platform = find(context);
        if (platform == null) {
            throw new ParameterResolutionException("no local Perstack platform is running for "
                    + context.getDisplayName() + " (a per-method platform cannot be injected into a constructor)");
        }
        return parameter.getParameter().getType() == PerstackClient.class ? platform.client() : platform;
    }

    private static LocalPerstack find(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            LocalPerstack platform = c.getStore(NAMESPACE).get(KEY, LocalPerstack.class);
            if (platform != null) {
                return platform;
            }
        }
        return null;
    }
}
