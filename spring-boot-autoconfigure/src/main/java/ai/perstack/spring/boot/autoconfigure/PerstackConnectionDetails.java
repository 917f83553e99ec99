package ai.perstack.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the client beans connect and with which key. By default read from {@code perstack.api-key}
 * and {@code perstack.base-url}; a bean of this type replaces them (the testkit's
 * {@link ai.perstack.spring.boot.test.PerstackLocalPlatform} declares one for the in-process platform).
 */
public interface PerstackConnectionDetails extends ConnectionDetails {

    /** {@return the base URL of the Perstack API} */
    String baseUrl();

    /** {@return the API key, or null when none is configured} */
    String apiKey();
}
