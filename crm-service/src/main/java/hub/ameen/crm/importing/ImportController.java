package hub.ameen.crm.importing;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.web.PageResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/crm/imports}, all with {@code crm:manage}: start an import from a
 * {@code text/csv} body (202; 400 for a header it cannot use), read its report and its
 * rows, revert it.
 */
@RestController
@RequestMapping("/api/crm/imports")
class ImportController {

	private final Importer importer;

	private final Aggregate<ImportJob> imports;

	private final ImportRows rows;

	ImportController(Importer importer, Aggregate<ImportJob> imports, ImportRows rows) {
		this.importer = importer;
		this.imports = imports;
		this.rows = rows;
	}

	@PostMapping(consumes = "text/csv")
	@PreAuthorize(Permissions.HAS_CRM_MANAGE)
	Mono<ResponseEntity<ImportJob>> start(@RequestParam String entity, @RequestParam String mode,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestBody Flux<DataBuffer> body) {
		return CurrentUser.current()
			.flatMap((me) -> this.importer.start(entity, mode, dryRun, body, me.id()))
			.map((job) -> ResponseEntity.status(HttpStatus.ACCEPTED)
				.header("Location", "/api/crm/imports/" + job.id())
				.body(job));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Permissions.HAS_CRM_MANAGE)
	Mono<ImportJob> get(@PathVariable String id) {
		return Mono.fromCallable(() -> this.imports.get(id));
	}

	@GetMapping("/{id}/rows")
	@PreAuthorize(Permissions.HAS_CRM_MANAGE)
	Mono<PageResponse<ImportRow>> rows(@PathVariable String id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return Mono.fromCallable(() -> {
			this.imports.get(id);
			return this.rows.page(id, PageRequest.of(limit, cursor));
		});
	}

	@PostMapping("/{id}/revert")
	@PreAuthorize(Permissions.HAS_CRM_MANAGE)
	Mono<ImportJob> revert(@PathVariable String id) {
		return CurrentUser.current().flatMap((me) -> this.importer.revert(id, me.id()));
	}

}
