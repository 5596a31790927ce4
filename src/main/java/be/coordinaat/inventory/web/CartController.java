package be.coordinaat.inventory.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.access.Permission;
import be.coordinaat.inventory.AssetKind;
import be.coordinaat.inventory.Carts;
import be.coordinaat.inventory.Inventory;
import be.coordinaat.inventory.Views.AssetView;
import be.coordinaat.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The charging cart panel of an asset page: a cart's devices, or the cart a device stands in. */
@Controller
class CartController {

    private final Carts carts;
    private final Inventory inventory;
    private final AccessControl access;

    CartController(Carts carts, Inventory inventory, AccessControl access) {
        this.carts = carts;
        this.inventory = inventory;
        this.access = access;
    }

    @GetMapping("/inventory/assets/{id}/cart")
    String panel(@PathVariable long id, Model model) {
        AssetView asset = inventory.asset(id);
        model.addAttribute("asset", asset);
        model.addAttribute("isCart", asset.kind() == AssetKind.CHARGING_CART);
        model.addAttribute("canManage", access.can(Permission.INVENTORY_MANAGE, asset.schoolId()));
        if (asset.kind() == AssetKind.CHARGING_CART) {
            model.addAttribute("devices", carts.devices(id));
        } else if (Carts.CART_DEVICES.contains(asset.kind())) {
            model.addAttribute("cart", carts.cartOf(id).orElse(null));
        }
        return "inventory/cart :: cartPanel";
    }

    @PostMapping("/inventory/assets/{id}/cart")
    String put(@PathVariable long id, @RequestParam(required = false) String tags, RedirectAttributes redirect) {
        try {
            carts.put(id, tags);
            redirect.addFlashAttribute("flash", "cart.added");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("cartProblems", e.problems());
            redirect.addFlashAttribute("cartTags", tags);
        }
        return "redirect:/inventory/assets/" + id + "#asset-cart";
    }

    @PostMapping("/inventory/assets/{id}/cart/{deviceId}/remove")
    String remove(@PathVariable long id, @PathVariable long deviceId, RedirectAttributes redirect) {
        carts.remove(id, deviceId);
        redirect.addFlashAttribute("flash", "flash.saved");
        return "redirect:/inventory/assets/" + id + "#asset-cart";
    }
}
