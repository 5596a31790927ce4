package be.coordinaat.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON strings with a NUL character are refused as malformed input (400 naming the field), never stored:
 * PostgreSQL cannot store NUL in text.
 */
@Configuration(proxyBeanMethods = false)
class StrictStrings {

    /** Spring Boot registers every {@link JacksonModule} bean with the application's JSON mapper. */
    @Bean
    JacksonModule rejectNulInStrings() {
        SimpleModule module = new SimpleModule("coordinaat-strict-strings");
        module.addDeserializer(String.class, new NulRejectingStringDeserializer());
        return module;
    }

    static final class NulRejectingStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\0') >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, value, "contains a NUL character");
            }
            return value;
        }
    }
}
