package be.coordinaat.maintenance.api;

import be.coordinaat.maintenance.Forms.DeviceForm;
import be.coordinaat.maintenance.Forms.LineForm;
import be.coordinaat.maintenance.Forms.SubnetForm;
import be.coordinaat.maintenance.Forms.VlanForm;
import be.coordinaat.maintenance.Forms.WifiForm;
import be.coordinaat.maintenance.Network;
import be.coordinaat.maintenance.Views.DeviceView;
import be.coordinaat.maintenance.Views.LineView;
import be.coordinaat.maintenance.Views.NetworkOverview;
import be.coordinaat.maintenance.Views.SubnetView;
import be.coordinaat.maintenance.Views.VlanView;
import be.coordinaat.maintenance.Views.WifiView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the network documentation: VLANs, subnets, Wi-Fi networks, network devices and internet lines per
 * school. Addresses are validated strictly (IPv4 and IPv6) and returned in canonical form. Wi-Fi keys are write-only:
 * they are never part of a response except from the reveal endpoint, which the history records.
 */
@RestController
@RequestMapping("/api/v1/network")
@Tag(name = "Network documentation")
class NetworkApiController {

    private final Network network;

    NetworkApiController(Network network) {
        this.network = network;
    }

    @GetMapping("/schools/{schoolId}")
    @Operation(summary = "The whole network documentation of one school")
    NetworkOverview overview(@PathVariable long schoolId) {
        return network.overview(schoolId);
    }

    // ---- VLANs ----

    @GetMapping("/vlans")
    List<VlanView> vlans(@RequestParam(required = false) Long school) {
        return network.vlans(school);
    }

    @GetMapping("/vlans/{id}")
    VlanView vlan(@PathVariable long id) {
        return network.vlan(id);
    }

    @PostMapping("/vlans")
    ResponseEntity<VlanView> createVlan(@Valid @RequestBody VlanForm form) {
        long id = network.createVlan(form);
        return ResponseEntity.created(URI.create("/api/v1/network/vlans/" + id)).body(network.vlan(id));
    }

    @PutMapping("/vlans/{id}")
    VlanView updateVlan(@PathVariable long id, @Valid @RequestBody VlanForm form) {
        network.updateVlan(id, form);
        return network.vlan(id);
    }

    @DeleteMapping("/vlans/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteVlan(@PathVariable long id) {
        network.deleteVlan(id);
    }

    // ---- subnets ----

    @GetMapping("/subnets")
    List<SubnetView> subnets(@RequestParam(required = false) Long school) {
        return network.subnets(school);
    }

    @GetMapping("/subnets/{id}")
    SubnetView subnet(@PathVariable long id) {
        return network.subnet(id);
    }

    @PostMapping("/subnets")
    @Operation(summary = "A subnet: cidr (network prefix without host bits), gateway and DHCP range inside it, dnsServers "
            + "separated by commas")
    ResponseEntity<SubnetView> createSubnet(@Valid @RequestBody SubnetForm form) {
        long id = network.createSubnet(form);
        return ResponseEntity.created(URI.create("/api/v1/network/subnets/" + id)).body(network.subnet(id));
    }

    @PutMapping("/subnets/{id}")
    SubnetView updateSubnet(@PathVariable long id, @Valid @RequestBody SubnetForm form) {
        network.updateSubnet(id, form);
        return network.subnet(id);
    }

    @DeleteMapping("/subnets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteSubnet(@PathVariable long id) {
        network.deleteSubnet(id);
    }

    // ---- Wi-Fi ----

    @GetMapping("/wifi")
    List<WifiView> wifi(@RequestParam(required = false) Long school) {
        return network.wifi(school);
    }

    @GetMapping("/wifi/{id}")
    WifiView wifiNetwork(@PathVariable long id) {
        return network.wifiNetwork(id);
    }

    @PostMapping("/wifi")
    @Operation(summary = "A Wi-Fi network; psk (8–63 characters) is stored encrypted and never returned here")
    ResponseEntity<WifiView> createWifi(@Valid @RequestBody WifiForm form) {
        long id = network.createWifi(form);
        return ResponseEntity.created(URI.create("/api/v1/network/wifi/" + id)).body(network.wifiNetwork(id));
    }

    @PutMapping("/wifi/{id}")
    @Operation(summary = "Replaces a Wi-Fi network; leave psk out to keep the stored key, clearPsk=true removes it")
    WifiView updateWifi(@PathVariable long id, @Valid @RequestBody WifiForm form) {
        network.updateWifi(id, form);
        return network.wifiNetwork(id);
    }

    @DeleteMapping("/wifi/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteWifi(@PathVariable long id) {
        network.deleteWifi(id);
    }

    @PostMapping("/wifi/{id}/psk")
    @Operation(summary = "Reveals the pre-shared key (MAINTENANCE_MANAGE only); the history records that it was revealed")
    Map<String, String> revealPsk(@PathVariable long id) {
        return Map.of("psk", network.revealPsk(id));
    }

    // ---- devices ----

    @GetMapping("/devices")
    List<DeviceView> devices(@RequestParam(required = false) Long school) {
        return network.devices(school);
    }

    @GetMapping("/devices/{id}")
    DeviceView device(@PathVariable long id) {
        return network.device(id);
    }

    @PostMapping("/devices")
    @Operation(summary = "Documents a switch, access point, router/firewall or server of the school's inventory (assetId)")
    ResponseEntity<DeviceView> createDevice(@Valid @RequestBody DeviceForm form) {
        long id = network.createDevice(form);
        return ResponseEntity.created(URI.create("/api/v1/network/devices/" + id)).body(network.device(id));
    }

    @PutMapping("/devices/{id}")
    DeviceView updateDevice(@PathVariable long id, @Valid @RequestBody DeviceForm form) {
        network.updateDevice(id, form);
        return network.device(id);
    }

    @DeleteMapping("/devices/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteDevice(@PathVariable long id) {
        network.deleteDevice(id);
    }

    // ---- internet lines ----

    @GetMapping("/lines")
    List<LineView> lines(@RequestParam(required = false) Long school) {
        return network.lines(school);
    }

    @GetMapping("/lines/{id}")
    LineView line(@PathVariable long id) {
        return network.line(id);
    }

    @PostMapping("/lines")
    @Operation(summary = "An internet line: provider organisation (providerOrganisationId) or providerName, lineType, "
            + "speeds in Mbit/s, contract and customer number, support phone, fixedIps (addresses or prefixes)")
    ResponseEntity<LineView> createLine(@Valid @RequestBody LineForm form) {
        long id = network.createLine(form);
        return ResponseEntity.created(URI.create("/api/v1/network/lines/" + id)).body(network.line(id));
    }

    @PutMapping("/lines/{id}")
    LineView updateLine(@PathVariable long id, @Valid @RequestBody LineForm form) {
        network.updateLine(id, form);
        return network.line(id);
    }

    @DeleteMapping("/lines/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteLine(@PathVariable long id) {
        network.deleteLine(id);
    }
}
