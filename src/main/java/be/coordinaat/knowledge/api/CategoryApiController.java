package be.coordinaat.knowledge.api;

import be.coordinaat.knowledge.Categories;
import be.coordinaat.knowledge.Forms.CategoryForm;
import be.coordinaat.knowledge.Views.CategoryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the knowledge base's categories: the board's shared ones and a tree per school. */
@RestController
@RequestMapping("/api/v1/knowledge/categories")
@Tag(name = "Knowledge base")
class CategoryApiController {

    private final Categories categories;

    CategoryApiController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping
    @Operation(summary = "The categories you may see, parents before children (depth 0 = top level), with article counts")
    List<CategoryView> list() {
        return categories.tree();
    }

    @GetMapping("/{id}")
    CategoryView category(@PathVariable long id) {
        return categories.category(id);
    }

    @PostMapping
    @Operation(summary = "Creates a category of a school (KNOWLEDGE_MANAGE there) or, without schoolId, of the whole board "
            + "(board admins); parentId must be in the same school or board")
    ResponseEntity<CategoryView> create(@Valid @RequestBody CategoryForm form) {
        long id = categories.create(form);
        return ResponseEntity.created(URI.create("/api/v1/knowledge/categories/" + id)).body(categories.category(id));
    }

    @PutMapping("/{id}")
    CategoryView update(@PathVariable long id, @Valid @RequestBody CategoryForm form) {
        categories.update(id, form);
        return categories.category(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes an empty category (409 while it has sub-categories or articles)")
    void delete(@PathVariable long id) {
        categories.delete(id);
    }
}
