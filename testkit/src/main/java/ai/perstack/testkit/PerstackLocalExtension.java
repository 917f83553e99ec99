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

import java.util.Optional;

/**
 * The JUnit 5 extension behind {@link PerstackLocal}; also usable with
 * {@code @ExtendWith(PerstackLocalExtension.class)} (per-class lifecycle).
 *
 * <p>A platform lives in the JUnit store of the class (or method) it serves, so nothing is shared
 * between test classes and they can run in parallel. {@code @Nested} classes use the platform of
 * their enclosing class, and inherit its {@link PerstackLocal#lifecycle()}, unless they carry
 * {@code @PerstackLocal} themselves.
 */
public final class PerstackLocalExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PerstackLocalExtension.class);
    private static final String KEY = "platform";

    /** Created by JUnit. */
    public PerstackLocalExtension() {
    }

    /** The nearest {@code @PerstackLocal} on the test class or a class enclosing it. */
    private static Optional<PerstackLocal> annotation(ExtensionContext context) {
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            Optional<PerstackLocal> found = AnnotationSupport.findAnnotation(c, PerstackLocal.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static PerstackLocal.Lifecycle lifecycle(ExtensionContext context) {
        return annotation(context).map(PerstackLocal::lifecycle).orElse(PerstackLocal.Lifecycle.PER_CLASS);
    }

    /** Whether the test class itself asks for a platform (rather than only inheriting its enclosing class's). */
    private static boolean declaredOnTestClass(ExtensionContext context) {
        return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, PerstackLocal.class)).isPresent();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (lifecycle(context) != PerstackLocal.Lifecycle.PER_CLASS) {
            return;
        }
        boolean enclosingHasOne = context.getParent().map(PerstackLocalExtension::find).isPresent();
        if (!enclosingHasOne || declaredOnTestClass(context)) {
            startIn(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close(context.getStore(NAMESPACE).remove(KEY, LocalPerstack.class));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (lifecycle(context) == PerstackLocal.Lifecycle.PER_METHOD) {
            startIn(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close(context.getStore(NAMESPACE).remove(KEY, LocalPerstack.class));
    }

    /** Starts a platform in {@code context}'s store, or returns the one already there. Thread-safe. */
    private static LocalPerstack startIn(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, key -> LocalPerstack.start(), LocalPerstack.class);
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
            platform = startEarly(context);
        }
        return parameter.getParameter().getType() == PerstackClient.class ? platform.client() : platform;
    }

    /**
     * A parameter is needed before the callbacks ran: a constructor under
     * {@code @TestInstance(PER_CLASS)} (resolved before {@code beforeAll}). The platform then
     * starts now, in the store {@code beforeAll} or {@code beforeEach} would have used.
     */
    private static LocalPerstack startEarly(ExtensionContext context) {
        boolean methodContext = context.getTestMethod().isPresent();
        if (lifecycle(context) == PerstackLocal.Lifecycle.PER_CLASS) {
            ExtensionContext classContext = context;
            while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
                classContext = classContext.getParent().get();
            }
            return startIn(classContext);
        }
        if (methodContext) {
            return startIn(context);
        }
        throw new ParameterResolutionException("a per-method Perstack platform cannot be injected into the constructor of "
                + context.getDisplayName() + " (it does not exist yet): declare the parameter on the test method instead");
    }

    /** The platform serving {@code context}: its own, or the nearest enclosing context's. */
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
