package ai.perstack.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application using the Perstack starter: set {@code perstack.api-key} (and
 * {@code perstack.base-url} for a local platform) and inject {@code PerstackClient} where needed.
 * Run with {@code --haiku.application=APP_ID --haiku.expert=@org/writer} to write one haiku.
 */
@SpringBootApplication
public class PerstackSpringExample {

    public static void main(String[] args) {
        SpringApplication.run(PerstackSpringExample.class, args);
    }
}
