package ai.perstack.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the local Perstack platform in-process for a test class: on a free 127.0.0.1 port, with a
 * temporary H2 store that is deleted afterwards. Test constructors and methods can declare a
 * {@link ai.perstack.client.PerstackClient} or a {@link LocalPerstack} parameter to receive them.
 *
 * <p>Every test class gets a platform of its own (or, with {@link Lifecycle#PER_METHOD}, every
 * test method), so test classes and methods may run in parallel under JUnit's parallel execution.
 * {@code @Nested} classes share the platform of the enclosing class. The annotation is inherited
 * by subclasses.
 *
 * <pre>{@code
 * @PerstackLocal
 * class MyIntegrationTest {
 *     @Test
 *     void createsAnApplication(PerstackClient client) {
 *         var app = client.applications().create(CreateApplicationInput.builder().name("demo").build()).orElseThrow();
 *         assertThat(app.data().application().name()).isEqualTo("demo");
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PerstackLocalExtension.class)
public @interface PerstackLocal {

    /** How long one platform lives. */
    enum Lifecycle {
        /** One platform for all tests of the class (fast; tests share data). */
        PER_CLASS,
        /** A fresh platform for every test method (isolated; slower); inject it into test methods, not constructors. */
        PER_METHOD
    }

    /**
     * How long one platform lives.
     *
     * @return the lifecycle; default {@link Lifecycle#PER_CLASS}
     */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;
}
