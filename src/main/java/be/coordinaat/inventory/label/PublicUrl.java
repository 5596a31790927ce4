package be.coordinaat.inventory.label;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The base of the addresses printed on labels: {@code coordinaat.public-url} when set (the address people reach the
 * application at, e.g. behind a proxy), else the scheme, host and context path of the current request.
 */
@Component
public class PublicUrl {

    private final String configured;

    PublicUrl(@Value("${coordinaat.public-url:}") String configured) {
        this.configured = configured == null || configured.isBlank() ? null : configured.strip().replaceAll("/+$", "");
    }

    public String base() {
        return configured != null ? configured : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
