package be.coordinaat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds: no cycles, no reaching into another module's internals. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CoordinaatApplication.class);

    @Test
    void modulesAreWellFormed() {
        MODULES.verify();
    }

    @Test
    void theReadmeArchitectureSectionNamesEveryModule() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String architecture = readme.substring(readme.indexOf("## Architecture"));
        MODULES.forEach(module -> org.assertj.core.api.Assertions.assertThat(architecture)
                .as("README architecture section lists module " + module.getIdentifier())
                .contains("`" + module.getIdentifier() + "`"));
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
