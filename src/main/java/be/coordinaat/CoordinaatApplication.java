package be.coordinaat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Coordinaat: the platform for the ICT coordinator of a school. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CoordinaatApplication {

    public static void main(String[] args) {
        SpringApplication.run(CoordinaatApplication.class, args);
    }
}
