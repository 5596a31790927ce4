package be.coordinaat.inventory.api;

import be.coordinaat.inventory.AssetFilter;
import be.coordinaat.inventory.AssetTransfer;
import be.coordinaat.inventory.AssetTransfer.Job;
import be.coordinaat.inventory.AssetTransfer.Mode;
import be.coordinaat.inventory.AssetTransfer.RowError;
import be.coordinaat.inventory.AssetTransfer.Settings;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Import of assets from CSV/XLSX (upload, check, map, commit) and export of the asset list. */
@RestController
@RequestMapping("/api/v1/assets")
@Tag(name = "Inventory import and export")
class TransferApiController {

    private final AssetTransfer transfer;

    TransferApiController(AssetTransfer transfer) {
        this.transfer = transfer;
    }

    /** A job without its error list (see the errors in pages). */
    record JobSummary(long id, long schoolId, String fileName, String format, Mode mode, boolean createModels,
            AssetTransfer.Status status, List<String> headers, List<String> mapping, List<List<String>> preview,
            int totalRows, int processedRows, int percent, int newCount, int updateCount, int errorCount,
            Page<RowError> errors, String failure) {

        static JobSummary of(Job j, int page, int size) {
            int from = Math.min(j.errors().size(), page * size);
            int to = Math.min(j.errors().size(), from + size);
            return new JobSummary(j.id(), j.schoolId(), j.fileName(), j.format(), j.mode(), j.createModels(), j.status(),
                    j.headers(), j.mapping(), j.preview(), j.totalRows(), j.processedRows(), j.percent(), j.newCount(),
                    j.updateCount(), j.errorCount(), new Page<>(j.errors().subList(from, to), j.errors().size(), page, size),
                    j.failure());
        }
    }

    @PostMapping(path = "/imports", consumes = "multipart/form-data")
    @Operation(summary = "Uploads a CSV or XLSX file for import into one school and checks every row. "
            + "mode: CREATE, UPDATE_BY_TAG or UPDATE_BY_SERIAL; createModels: create unknown models and manufacturers.")
    ResponseEntity<JobSummary> upload(@RequestParam("file") MultipartFile file, @RequestParam long schoolId,
            @RequestParam(required = false) Mode mode, @RequestParam(required = false) Boolean createModels)
            throws IOException {
        if (file.isEmpty()) {
            throw InvalidInputException.of("file", "import.error.empty", "is empty");
        }
        Job job = transfer.start(schoolId, file.getOriginalFilename(), file.getInputStream(), mode,
                Boolean.TRUE.equals(createModels));
        return ResponseEntity.created(URI.create("/api/v1/assets/imports/" + job.id())).body(JobSummary.of(job, 0, 100));
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "Status, progress and the validation report of an import (errors paged)")
    JobSummary job(@PathVariable long id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        int s = size == null ? 100 : Math.max(1, Math.min(1000, size));
        return JobSummary.of(transfer.job(id), page == null ? 0 : Math.max(0, page), s);
    }

    @PutMapping("/imports/{id}/mapping")
    @Operation(summary = "Sets the target of every column (a field name, extra.<key> or empty to ignore), "
            + "the mode and model creation, and checks every row again")
    JobSummary mapping(@PathVariable long id, @RequestBody Settings settings) {
        return JobSummary.of(transfer.configure(id, settings), 0, 100);
    }

    @PostMapping("/imports/{id}/commit")
    @Operation(summary = "Imports all rows or none, in the background; poll the job for progress")
    ResponseEntity<JobSummary> commit(@PathVariable long id) {
        return ResponseEntity.accepted().body(JobSummary.of(transfer.commit(id), 0, 100));
    }

    @GetMapping("/export")
    @Operation(summary = "The assets matching the list's filters as CSV (UTF-8 with BOM, ;) or XLSX")
    void export(@Valid @ModelAttribute AssetFilter filter, @RequestParam(required = false) String format,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            HttpServletResponse response) throws IOException {
        write(transfer, filter, format, q, sort, LocaleContextHolder.getLocale(), response);
    }

    static void write(AssetTransfer transfer, AssetFilter filter, String format, String q, String sort, Locale locale,
            HttpServletResponse response) throws IOException {
        AssetTransfer.Format f;
        if (format == null || format.equalsIgnoreCase("csv")) {
            f = AssetTransfer.Format.CSV;
        } else if (format.equalsIgnoreCase("xlsx")) {
            f = AssetTransfer.Format.XLSX;
        } else {
            throw InvalidInputException.of("format", "export.error.format", "use csv or xlsx");
        }
        String name = "assets-" + java.time.LocalDate.now() + (f == AssetTransfer.Format.CSV ? ".csv" : ".xlsx");
        response.setContentType(f == AssetTransfer.Format.CSV ? "text/csv;charset=UTF-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
        transfer.export(filter, q, sort, f, locale, response.getOutputStream());
    }
}
