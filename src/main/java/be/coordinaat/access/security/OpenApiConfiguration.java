package be.coordinaat.access.security;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description: every API call needs a personal token. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Coordinaat API", version = "v1",
                description = "REST API of Coordinaat. Create a personal API token under 'My account' and send it as "
                        + "'Authorization: Bearer <token>'. Errors are RFC 9457 application/problem+json."),
        security = @SecurityRequirement(name = "token"))
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "cdn_…")
class OpenApiConfiguration {}
