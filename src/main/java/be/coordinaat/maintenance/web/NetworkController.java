package be.coordinaat.maintenance.web;

import be.coordinaat.access.SchoolDirectory.SchoolRef;
import be.coordinaat.maintenance.Forms.DeviceForm;
import be.coordinaat.maintenance.Forms.LineForm;
import be.coordinaat.maintenance.Forms.SubnetForm;
import be.coordinaat.maintenance.Forms.VlanForm;
import be.coordinaat.maintenance.Forms.WifiForm;
import be.coordinaat.maintenance.LineType;
import be.coordinaat.maintenance.MaintenancePlans;
import be.coordinaat.maintenance.Network;
import be.coordinaat.maintenance.Views.DeviceView;
import be.coordinaat.maintenance.Views.LineView;
import be.coordinaat.maintenance.Views.SubnetView;
import be.coordinaat.maintenance.Views.VlanView;
import be.coordinaat.maintenance.Views.WifiView;
import be.coordinaat.maintenance.WifiBand;
import be.coordinaat.maintenance.WifiSecurity;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.web.FormErrors;
import jakarta.validation.Valid;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The network documentation pages: the network of a school (VLANs, subnets, Wi-Fi, devices, internet lines), its
 * printable overview, the forms of each part, and revealing a Wi-Fi key on request.
 */
@Controller
class NetworkController {

    private final Network network;
    private final MaintenancePlans plans;

    NetworkController(Network network, MaintenancePlans plans) {
        this.network = network;
        this.plans = plans;
    }

    @GetMapping("/network")
    String index(Model model) {
        if (!network.canReadAnywhere()) {
            throw new AccessDeniedException("no MAINTENANCE_READ");
        }
        List<SchoolRef> schools = network.readableSchools();
        if (schools.size() == 1) {
            return "redirect:/network/schools/" + schools.get(0).id();
        }
        model.addAttribute("schools", schools);
        model.addAttribute("tab", "network");
        return "maintenance/network-schools";
    }

    @GetMapping("/network/schools/{id}")
    String school(@PathVariable long id, Model model) {
        model.addAttribute("net", network.overview(id));
        model.addAttribute("canManage", network.canManage(id));
        model.addAttribute("schools", network.readableSchools());
        model.addAttribute("tab", "network");
        return "maintenance/network";
    }

    @GetMapping("/network/schools/{id}/print")
    String print(@PathVariable long id, Model model) {
        model.addAttribute("net", network.overview(id));
        model.addAttribute("printedAt", java.time.Instant.now());
        return "maintenance/network-print";
    }

    /** Reveals a Wi-Fi key (htmx, POST so that it is never prefetched); recorded in the history without the key. */
    @PostMapping("/network/wifi/{id}/reveal")
    String reveal(@PathVariable long id, Model model) {
        model.addAttribute("psk", network.revealPsk(id));
        model.addAttribute("wifiId", id);
        return "maintenance/fragments :: psk";
    }

    // ---- VLANs ----

    @GetMapping("/network/vlans/new")
    String newVlan(@RequestParam long school, Model model) {
        requireManage(school);
        return vlanForm(model, new VlanForm(school, null, null, null, null, null, null, null), null, null);
    }

    @GetMapping("/network/vlans/{id}/edit")
    String editVlan(@PathVariable long id, Model model) {
        VlanView v = network.vlan(id);
        requireManage(v.schoolId());
        return vlanForm(model, new VlanForm(v.schoolId(), v.buildingId(), v.number(), v.name(), v.purpose(), v.subnet(),
                v.notes(), v.version()), id, null);
    }

    @PostMapping("/network/vlans")
    String createVlan(@Valid @ModelAttribute("form") VlanForm form, BindingResult errors, Model model, RedirectAttributes r) {
        return save(form.schoolId(), errors, r, () -> network.createVlan(form), () -> vlanForm(model, form, null, errors));
    }

    @PostMapping("/network/vlans/{id}")
    String updateVlan(@PathVariable long id, @Valid @ModelAttribute("form") VlanForm form, BindingResult errors, Model model,
            RedirectAttributes r) {
        long school = network.vlan(id).schoolId();
        return save(school, errors, r, () -> { network.updateVlan(id, form); return id; },
                () -> vlanForm(model, withSchool(form, school), id, errors));
    }

    @PostMapping("/network/vlans/{id}/delete")
    String deleteVlan(@PathVariable long id, RedirectAttributes r) {
        long school = network.vlan(id).schoolId();
        network.deleteVlan(id);
        return deleted(school, r);
    }

    private String vlanForm(Model model, VlanForm form, Long id, BindingResult errors) {
        put(model, form, errors, id, form.schoolId(), "vlan");
        return "maintenance/network-vlan-form";
    }

    private static VlanForm withSchool(VlanForm f, long school) {
        return new VlanForm(school, f.buildingId(), f.number(), f.name(), f.purpose(), f.subnet(), f.notes(), f.version());
    }

    // ---- subnets ----

    @GetMapping("/network/subnets/new")
    String newSubnet(@RequestParam long school, Model model) {
        requireManage(school);
        return subnetForm(model, new SubnetForm(school, null, null, null, null, null, null, null, null, null, null), null, null);
    }

    @GetMapping("/network/subnets/{id}/edit")
    String editSubnet(@PathVariable long id, Model model) {
        SubnetView v = network.subnet(id);
        requireManage(v.schoolId());
        return subnetForm(model, new SubnetForm(v.schoolId(), v.buildingId(), v.vlanId(), v.name(), v.cidr(), v.gateway(),
                v.dhcpStart(), v.dhcpEnd(), v.dnsServers(), v.notes(), v.version()), id, null);
    }

    @PostMapping("/network/subnets")
    String createSubnet(@Valid @ModelAttribute("form") SubnetForm form, BindingResult errors, Model model, RedirectAttributes r) {
        return save(form.schoolId(), errors, r, () -> network.createSubnet(form), () -> subnetForm(model, form, null, errors));
    }

    @PostMapping("/network/subnets/{id}")
    String updateSubnet(@PathVariable long id, @Valid @ModelAttribute("form") SubnetForm form, BindingResult errors,
            Model model, RedirectAttributes r) {
        long school = network.subnet(id).schoolId();
        SubnetForm f = new SubnetForm(school, form.buildingId(), form.vlanId(), form.name(), form.cidr(), form.gateway(),
                form.dhcpStart(), form.dhcpEnd(), form.dnsServers(), form.notes(), form.version());
        return save(school, errors, r, () -> { network.updateSubnet(id, f); return id; }, () -> subnetForm(model, f, id, errors));
    }

    @PostMapping("/network/subnets/{id}/delete")
    String deleteSubnet(@PathVariable long id, RedirectAttributes r) {
        long school = network.subnet(id).schoolId();
        network.deleteSubnet(id);
        return deleted(school, r);
    }

    private String subnetForm(Model model, SubnetForm form, Long id, BindingResult errors) {
        put(model, form, errors, id, form.schoolId(), "subnet");
        model.addAttribute("vlans", network.vlanChoices(form.schoolId()));
        return "maintenance/network-subnet-form";
    }

    // ---- Wi-Fi ----

    @GetMapping("/network/wifi/new")
    String newWifi(@RequestParam long school, Model model) {
        requireManage(school);
        return wifiForm(model, new WifiForm(school, null, null, null, WifiSecurity.WPA2_PSK, WifiBand.DUAL, false, null, null,
                false, null, null), null, null, false);
    }

    @GetMapping("/network/wifi/{id}/edit")
    String editWifi(@PathVariable long id, Model model) {
        WifiView v = network.wifiNetwork(id);
        requireManage(v.schoolId());
        return wifiForm(model, new WifiForm(v.schoolId(), v.buildingId(), v.vlanId(), v.ssid(), v.security(), v.band(),
                v.hidden(), v.audience(), null, false, v.notes(), v.version()), id, null, v.hasPsk());
    }

    @PostMapping("/network/wifi")
    String createWifi(@Valid @ModelAttribute("form") WifiForm form, BindingResult errors, Model model, RedirectAttributes r) {
        return save(form.schoolId(), errors, r, () -> network.createWifi(form),
                () -> wifiForm(model, withoutKey(form, form.schoolId()), null, errors, false));
    }

    @PostMapping("/network/wifi/{id}")
    String updateWifi(@PathVariable long id, @Valid @ModelAttribute("form") WifiForm form, BindingResult errors, Model model,
            RedirectAttributes r) {
        WifiView v = network.wifiNetwork(id);
        WifiForm f = new WifiForm(v.schoolId(), form.buildingId(), form.vlanId(), form.ssid(), form.security(), form.band(),
                form.hidden(), form.audience(), form.psk(), form.clearPsk(), form.notes(), form.version());
        return save(v.schoolId(), errors, r, () -> { network.updateWifi(id, f); return id; },
                () -> wifiForm(model, withoutKey(f, v.schoolId()), id, errors, v.hasPsk()));
    }

    @PostMapping("/network/wifi/{id}/delete")
    String deleteWifi(@PathVariable long id, RedirectAttributes r) {
        long school = network.wifiNetwork(id).schoolId();
        network.deleteWifi(id);
        return deleted(school, r);
    }

    /** A form shown again never carries the key the user typed back into the page. */
    private static WifiForm withoutKey(WifiForm f, Long school) {
        return new WifiForm(school, f.buildingId(), f.vlanId(), f.ssid(), f.security(), f.band(), f.hidden(), f.audience(),
                null, f.clearPsk(), f.notes(), f.version());
    }

    private String wifiForm(Model model, WifiForm form, Long id, BindingResult errors, boolean hasPsk) {
        put(model, form, errors, id, form.schoolId(), "wifi");
        model.addAttribute("vlans", network.vlanChoices(form.schoolId()));
        model.addAttribute("securities", WifiSecurity.values());
        model.addAttribute("bands", WifiBand.values());
        model.addAttribute("hasPsk", hasPsk);
        return "maintenance/network-wifi-form";
    }

    // ---- devices ----

    @GetMapping("/network/devices/new")
    String newDevice(@RequestParam long school, Model model) {
        requireManage(school);
        return deviceForm(model, new DeviceForm(school, null, null, null, null, null, null, null), null, null);
    }

    @GetMapping("/network/devices/{id}/edit")
    String editDevice(@PathVariable long id, Model model) {
        DeviceView v = network.device(id);
        requireManage(v.schoolId());
        return deviceForm(model, new DeviceForm(v.schoolId(), v.assetId(), v.managementIp(), v.portCount(), v.uplink(),
                v.location(), v.notes(), v.version()), id, null);
    }

    @PostMapping("/network/devices")
    String createDevice(@Valid @ModelAttribute("form") DeviceForm form, BindingResult errors, Model model, RedirectAttributes r) {
        return save(form.schoolId(), errors, r, () -> network.createDevice(form), () -> deviceForm(model, form, null, errors));
    }

    @PostMapping("/network/devices/{id}")
    String updateDevice(@PathVariable long id, @Valid @ModelAttribute("form") DeviceForm form, BindingResult errors,
            Model model, RedirectAttributes r) {
        long school = network.device(id).schoolId();
        DeviceForm f = new DeviceForm(school, form.assetId(), form.managementIp(), form.portCount(), form.uplink(),
                form.location(), form.notes(), form.version());
        return save(school, errors, r, () -> { network.updateDevice(id, f); return id; }, () -> deviceForm(model, f, id, errors));
    }

    @PostMapping("/network/devices/{id}/delete")
    String deleteDevice(@PathVariable long id, RedirectAttributes r) {
        long school = network.device(id).schoolId();
        network.deleteDevice(id);
        return deleted(school, r);
    }

    private String deviceForm(Model model, DeviceForm form, Long id, BindingResult errors) {
        put(model, form, errors, id, form.schoolId(), "device");
        model.addAttribute("assets", network.deviceAssetChoices(form.schoolId(), form.assetId()));
        return "maintenance/network-device-form";
    }

    // ---- internet lines ----

    @GetMapping("/network/lines/new")
    String newLine(@RequestParam long school, Model model) {
        requireManage(school);
        return lineForm(model, new LineForm(school, null, null, null, LineType.FIBER, null, null, null, null, null, null, null,
                null), null, null);
    }

    @GetMapping("/network/lines/{id}/edit")
    String editLine(@PathVariable long id, Model model) {
        LineView v = network.line(id);
        requireManage(v.schoolId());
        return lineForm(model, new LineForm(v.schoolId(), v.buildingId(), v.providerOrganisationId(),
                v.providerOrganisationId() == null ? v.provider() : null, v.lineType(), v.downloadMbps(), v.uploadMbps(),
                v.contractNumber(), v.customerNumber(), v.supportPhone(), v.fixedIps(), v.notes(), v.version()), id, null);
    }

    @PostMapping("/network/lines")
    String createLine(@Valid @ModelAttribute("form") LineForm form, BindingResult errors, Model model, RedirectAttributes r) {
        return save(form.schoolId(), errors, r, () -> network.createLine(form), () -> lineForm(model, form, null, errors));
    }

    @PostMapping("/network/lines/{id}")
    String updateLine(@PathVariable long id, @Valid @ModelAttribute("form") LineForm form, BindingResult errors, Model model,
            RedirectAttributes r) {
        long school = network.line(id).schoolId();
        LineForm f = new LineForm(school, form.buildingId(), form.providerOrganisationId(), form.providerName(),
                form.lineType(), form.downloadMbps(), form.uploadMbps(), form.contractNumber(), form.customerNumber(),
                form.supportPhone(), form.fixedIps(), form.notes(), form.version());
        return save(school, errors, r, () -> { network.updateLine(id, f); return id; }, () -> lineForm(model, f, id, errors));
    }

    @PostMapping("/network/lines/{id}/delete")
    String deleteLine(@PathVariable long id, RedirectAttributes r) {
        long school = network.line(id).schoolId();
        network.deleteLine(id);
        return deleted(school, r);
    }

    private String lineForm(Model model, LineForm form, Long id, BindingResult errors) {
        put(model, form, errors, id, form.schoolId(), "line");
        model.addAttribute("organisations", plans.organisationChoices(form.schoolId()));
        model.addAttribute("lineTypes", LineType.values());
        return "maintenance/network-line-form";
    }

    // ---- helpers ----

    private void requireManage(Long school) {
        if (school == null || !network.canRead(school)) {
            throw new NotFoundException("school", school);
        }
        if (!network.canManage(school)) {
            throw new AccessDeniedException("no MAINTENANCE_MANAGE");
        }
    }

    private String save(Long school, BindingResult errors, RedirectAttributes r, Supplier<Long> action,
            Supplier<String> again) {
        requireManage(school);
        if (!errors.hasErrors() && FormErrors.apply(errors, action::get)) {
            r.addFlashAttribute("flash", "flash.saved");
            return "redirect:/network/schools/" + school;
        }
        return again.get();
    }

    private String deleted(long school, RedirectAttributes r) {
        r.addFlashAttribute("flash", "flash.deleted");
        return "redirect:/network/schools/" + school;
    }

    private void put(Model model, Object form, BindingResult errors, Long id, Long school, String kind) {
        model.addAttribute("form", form);
        if (errors != null && errors.hasErrors() && errors.getTarget() != form) {
            BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, "form");
            kept.addAllErrors(errors);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", kept);
        }
        model.addAttribute("id", id);
        model.addAttribute("school", school);
        model.addAttribute("kind", kind);
        model.addAttribute("schoolName", network.readableSchools().stream().filter(s -> s.id() == school)
                .map(SchoolRef::name).findFirst().orElse(""));
        model.addAttribute("buildings", network.buildingChoices(school));
    }
}
