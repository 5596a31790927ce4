package be.coordinaat.inventory.web;

import be.coordinaat.inventory.AssetFilter;
import be.coordinaat.inventory.AssetTransfer;
import be.coordinaat.inventory.AssetTransfer.Job;
import be.coordinaat.inventory.AssetTransfer.Mode;
import be.coordinaat.inventory.AssetTransfer.Settings;
import be.coordinaat.inventory.Views.FieldView;
import be.coordinaat.shared.ConflictException;
import be.coordinaat.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The import pages (upload, preview with mapping and errors, progress) and the export downloads of the asset list. */
@Controller
class TransferController {

    private final AssetTransfer transfer;

    TransferController(AssetTransfer transfer) {
        this.transfer = transfer;
    }

    @GetMapping("/inventory/assets/import")
    String form(@RequestParam(required = false) Long school, Model model) {
        model.addAttribute("schools", transfer.schools());
        model.addAttribute("school", school);
        model.addAttribute("modes", Mode.values());
        if (transfer.schools().isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("no INVENTORY_MANAGE");
        }
        return "inventory/import";
    }

    @PostMapping("/inventory/assets/import")
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Long schoolId,
            @RequestParam(required = false) Mode mode, @RequestParam(required = false) Boolean createModels, Model model)
            throws IOException {
        String error = null;
        List<Object> args = List.of();
        if (schoolId == null) {
            error = "import.error.school";
        } else if (file == null || file.isEmpty()) {
            error = "import.error.empty";
        } else {
            try {
                Job job = transfer.start(schoolId, file.getOriginalFilename(), file.getInputStream(), mode,
                        Boolean.TRUE.equals(createModels));
                return "redirect:/inventory/assets/import/" + job.id();
            } catch (InvalidInputException e) {
                error = e.problems().get(0).messageKey();
                args = List.of(e.problems().get(0).args());
            }
        }
        model.addAttribute("uploadError", error);
        model.addAttribute("uploadErrorArgs", args.toArray());
        model.addAttribute("uploadFile", file == null ? null : file.getOriginalFilename());
        model.addAttribute("school", schoolId);
        return form(schoolId, model);
    }

    @GetMapping("/inventory/assets/import/{id}")
    String job(@PathVariable long id, Model model) {
        Job job = transfer.job(id);
        model.addAttribute("job", job);
        model.addAttribute("modes", Mode.values());
        model.addAttribute("targets", transfer.targets());
        Map<String, String> fieldLabels = new LinkedHashMap<>();
        for (FieldView f : transfer.fields()) {
            fieldLabels.putIfAbsent("extra." + f.key(), f.label());
        }
        model.addAttribute("fieldLabels", fieldLabels);
        return "inventory/import-job";
    }

    @GetMapping("/inventory/assets/import/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("job", transfer.job(id));
        return "inventory/import-job :: progress";
    }

    @PostMapping("/inventory/assets/import/{id}/mapping")
    String mapping(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Job job = transfer.job(id);
        List<String> mapping = new ArrayList<>();
        for (int i = 0; i < job.headers().size(); i++) {
            mapping.add(params.getOrDefault("column" + i, ""));
        }
        Mode mode = params.containsKey("mode") ? Mode.valueOf(params.get("mode")) : null;
        try {
            transfer.configure(id, new Settings(mapping, mode, params.containsKey("createModels")));
            redirect.addFlashAttribute("flash", "import.checked");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("flashError", e instanceof InvalidInputException i ? i.problems().get(0).messageKey()
                    : "import.error.notOpen");
        }
        return "redirect:/inventory/assets/import/" + id;
    }

    @PostMapping("/inventory/assets/import/{id}/commit")
    String commit(@PathVariable long id, RedirectAttributes redirect) {
        try {
            transfer.commit(id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", "import.error.hasErrors");
        }
        return "redirect:/inventory/assets/import/" + id;
    }

    @GetMapping("/inventory/assets/export.csv")
    void exportCsv(@ModelAttribute AssetFilter filter, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, Locale locale, HttpServletResponse response) throws IOException {
        write(filter, "csv", q, sort, locale, response);
    }

    @GetMapping("/inventory/assets/export.xlsx")
    void exportXlsx(@ModelAttribute AssetFilter filter, @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort, Locale locale, HttpServletResponse response) throws IOException {
        write(filter, "xlsx", q, sort, locale, response);
    }

    private void write(AssetFilter filter, String format, String q, String sort, Locale locale, HttpServletResponse response)
            throws IOException {
        AssetTransfer.Format f = format.equals("xlsx") ? AssetTransfer.Format.XLSX : AssetTransfer.Format.CSV;
        response.setContentType(f == AssetTransfer.Format.CSV ? "text/csv;charset=UTF-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"assets." + format + "\"");
        transfer.export(filter.withoutMalformed(), q, sort, f, locale, response.getOutputStream());
    }
}
