package be.coordinaat.inventory.api;

import be.coordinaat.inventory.Carts;
import be.coordinaat.inventory.Carts.CartDevice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The devices standing in a charging cart. */
@RestController
@RequestMapping("/api/v1/assets/{cartId}/devices")
@Tag(name = "Inventory")
@Validated
class CartApiController {

    /** Devices to put in the cart, by tag (separated by spaces, commas, semicolons or new lines). */
    record PutDevices(@Size(max = 20000) String tags) {}

    /** How many devices were moved into the cart. */
    record PutResult(int moved, List<CartDevice> devices) {}

    private final Carts carts;

    CartApiController(Carts carts) {
        this.carts = carts;
    }

    @GetMapping
    @Operation(summary = "The devices in a charging cart (empty for other kinds of asset)")
    List<CartDevice> devices(@PathVariable long cartId) {
        return carts.devices(cartId);
    }

    @PostMapping
    @Operation(summary = "Puts laptops, Chromebooks or tablets of the cart's school in the cart, all or none")
    PutResult put(@PathVariable long cartId, @RequestBody PutDevices body) {
        int moved = carts.put(cartId, body.tags());
        return new PutResult(moved, carts.devices(cartId));
    }

    @DeleteMapping("/{assetId}")
    @Operation(summary = "Takes a device out of the cart")
    ResponseEntity<Void> remove(@PathVariable long cartId, @PathVariable long assetId) {
        carts.remove(cartId, assetId);
        return ResponseEntity.noContent().build();
    }
}
