package ai.perstack.spring.boot.test;

import org.springframework.context.annotation.Import;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the auto-configured Perstack client of a Spring test at a local Perstack platform run
 * in-process for the test's application context (a free 127.0.0.1 port, a temporary H2 store,
 * an API key of its own): no URL or key to write. Needs {@code ai.perstack:perstack-testkit} on
 * the test classpath. The {@link ai.perstack.testkit.LocalPerstack} is a bean too, for seeding
 * data (applications, experts) in the test.
 *
 * <pre>{@code
 * @SpringBootTest
 * @PerstackLocalPlatform
 * class MyServiceTest {
 *     @Autowired PerstackClient client;   // talks to the in-process platform
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(LocalPerstackConfiguration.class)
public @interface PerstackLocalPlatform {
}
