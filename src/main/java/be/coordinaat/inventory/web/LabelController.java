package be.coordinaat.inventory.web;

import be.coordinaat.access.AccessControl;
import be.coordinaat.inventory.AssetFilter;
import be.coordinaat.inventory.LabelFormat;
import be.coordinaat.inventory.Labels;
import be.coordinaat.inventory.Labels.LabelRequest;
import be.coordinaat.inventory.label.PublicUrl;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.util.UriUtils;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The label pages: the label address {@code /a/<schoolId>/<tag>} (to the asset's page for signed-in staff, to the
 * public problem report for everyone else), the
 * label form for the asset list's selection or a few assets, the sheet PDF and one asset's QR code.
 */
@Controller
class LabelController {

    private final Labels labels;
    private final PublicUrl publicUrl;
    private final AccessControl access;

    LabelController(Labels labels, PublicUrl publicUrl, AccessControl access) {
        this.labels = labels;
        this.publicUrl = publicUrl;
        this.access = access;
    }

    /**
     * A label's QR address: signed-in staff who may see the asset go to its page; everyone else (anonymous visitors,
     * and accounts without inventory access) to the public problem report of the helpdesk, which looks the same for
     * every tag and so reveals nothing about the asset.
     */
    @GetMapping("/a/{schoolId}/{*tag}")
    RedirectView shortLink(@PathVariable long schoolId, @PathVariable String tag) {
        String t = tag.startsWith("/") ? tag.substring(1) : tag;
        String target = "/report/a/" + schoolId + "/" + UriUtils.encodePathSegment(t, StandardCharsets.UTF_8);
        if (access.currentUser().isPresent()) {
            try {
                target = "/inventory/assets/" + labels.resolve(schoolId, t);
            } catch (NotFoundException | AccessDeniedException e) {
                // not theirs to see: the report form, like anyone else
            }
        }
        RedirectView view = new RedirectView(target, true);
        view.setExposeModelAttributes(false);
        return view;
    }

    @GetMapping("/inventory/labels")
    String form(@ModelAttribute("filter") AssetFilter filter, @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) String q, Model model) {
        AssetFilter f = filter.withoutMalformed();
        model.addAttribute("formats", LabelFormat.values());
        model.addAttribute("ids", ids == null ? List.of() : ids);
        model.addAttribute("filter", f);
        model.addAttribute("q", q);
        model.addAttribute("filterParams", f.queryString(q, null));
        try {
            model.addAttribute("count", labels.count(new LabelRequest(ids, f, q, null, 0)));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.problems().get(0).messageKey());
            model.addAttribute("errorArgs", e.problems().get(0).args());
        }
        return "inventory/labels";
    }

    @GetMapping("/inventory/labels/sheet.pdf")
    ResponseEntity<byte[]> sheet(@ModelAttribute AssetFilter filter, @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) String q, @RequestParam(required = false) LabelFormat format,
            @RequestParam(required = false) Integer skip) {
        byte[] pdf = labels.sheet(new LabelRequest(ids, filter.withoutMalformed(), q, format, skip), publicUrl.base());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("labels.pdf").build().toString())
                .body(pdf);
    }

    @GetMapping("/inventory/assets/{id}/label.png")
    ResponseEntity<byte[]> png(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(labels.png(id, publicUrl.base()));
    }
}
