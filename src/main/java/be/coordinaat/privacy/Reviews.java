package be.coordinaat.privacy;

import static be.coordinaat.privacy.PrivacyScope.blank;

import be.coordinaat.access.AccessControl;
import be.coordinaat.privacy.Forms.ReviewForm;
import be.coordinaat.privacy.Kinds.ReviewKind;
import be.coordinaat.privacy.Views.ReviewView;
import be.coordinaat.shared.InvalidInputException;
import be.coordinaat.shared.NotFoundException;
import be.coordinaat.shared.RecordChanged;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments, the DPO's advice and sign-offs on a privacy record (a register entry, agreement, DPIA or breach). Whoever
 * reads the record's privacy side (PRIVACY_READ in its school) comments; advice and sign-off need PRIVACY_SIGN_OFF
 * (the DPO). A sign-off stays on the record; when the record changes afterwards it shows as "changed since".
 */
@Service
@Transactional(readOnly = true)
public class Reviews {

    /** The record types that carry reviews, as they appear in URLs. */
    public static final List<String> TYPES = List.of(ProcessingRegister.TYPE, ProcessorAgreements.TYPE, Dpias.TYPE, Breaches.TYPE);

    private final JdbcClient jdbc;
    private final PrivacyScope scope;
    private final AccessControl access;
    private final ProcessingRegister register;
    private final ProcessorAgreements agreements;
    private final Dpias dpias;
    private final Breaches breaches;

    Reviews(JdbcClient jdbc, PrivacyScope scope, AccessControl access, ProcessingRegister register,
            ProcessorAgreements agreements, Dpias dpias, Breaches breaches) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.access = access;
        this.register = register;
        this.agreements = agreements;
        this.dpias = dpias;
        this.breaches = breaches;
    }

    /** The reviews of a record, oldest first; 404 when the record is not visible. */
    public List<ReviewView> of(String type, long id) {
        if (!scope.canRead(school(type, id))) {
            // a reporter sees their own breach, but not the privacy team's conversation about it
            throw new AccessDeniedException("no PRIVACY_READ for " + type + " " + id);
        }
        return jdbc.sql("""
                SELECT id, kind, body, author_name, created_at FROM privacy_review
                WHERE record_type = ? AND record_id = ? ORDER BY created_at, id""").params(type, id)
                .query((rs, n) -> new ReviewView(rs.getLong(1), ReviewKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    public boolean canComment(String type, long id) {
        return scope.canRead(school(type, id));
    }

    public boolean canSignOff(String type, long id) {
        return scope.canSignOff(school(type, id));
    }

    @Transactional
    public long add(String type, long id, ReviewForm form) {
        Long schoolId = school(type, id);
        if (!scope.canRead(schoolId)) {
            // a reporter sees their own breach, but not the privacy team's conversation about it
            throw new AccessDeniedException("no PRIVACY_READ for " + type + " " + id);
        }
        if (form.kind() != ReviewKind.COMMENT && !scope.canSignOff(schoolId)) {
            throw new AccessDeniedException("no PRIVACY_SIGN_OFF for " + type + " " + id);
        }
        String body = blank(form.body());
        if (body == null && form.kind() != ReviewKind.SIGN_OFF) {
            throw InvalidInputException.of("body", "privacy.error.review.body", "write the comment or the advice");
        }
        var user = access.current();
        long reviewId = jdbc.sql("""
                INSERT INTO privacy_review (board_id, school_id, record_type, record_id, kind, body, author_id, author_name)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(user.boardId(), schoolId, type, id, form.kind().name(), body, user.id(), user.displayName())
                .query(Long.class).single();
        String label = switch (form.kind()) {
            case COMMENT -> "comment";
            case ADVICE -> "advice";
            case SIGN_OFF -> "signOff";
        };
        scope.publish("privacy-" + type, id, schoolId, RecordChanged.UPDATED, null, Map.of(),
                Map.of(label, body == null ? user.displayName() : body));
        return reviewId;
    }

    /** The school of a visible record (null: the board); 404 for an unknown type or an invisible record. */
    private Long school(String type, long id) {
        return switch (type == null ? "" : type) {
            case ProcessingRegister.TYPE -> register.processing(id).schoolId();
            case ProcessorAgreements.TYPE -> agreements.agreement(id).schoolId();
            case Dpias.TYPE -> dpias.dpia(id).schoolId();
            case Breaches.TYPE -> breaches.breach(id).schoolId();
            default -> throw new NotFoundException("privacy record", type + "/" + id);
        };
    }
}
