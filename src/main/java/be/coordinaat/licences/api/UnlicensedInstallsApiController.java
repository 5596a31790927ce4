package be.coordinaat.licences.api;

import be.coordinaat.licences.InstallCompliance;
import be.coordinaat.licences.InstallCompliance.UnlicensedInstall;
import be.coordinaat.shared.Page;
import be.coordinaat.shared.PageQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/licences/{id}/unlicensed-installs}: computers with the product and no licence covering them. */
@RestController
class UnlicensedInstallsApiController {

    private final InstallCompliance compliance;

    UnlicensedInstallsApiController(InstallCompliance compliance) {
        this.compliance = compliance;
    }

    @GetMapping("/api/v1/licences/{id}/unlicensed-installs")
    Page<UnlicensedInstall> unlicensed(@PathVariable long id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return compliance.unlicensed(id, PageQuery.of(page, size == null ? 50 : size, null, null));
    }
}
