package hub.ameen.tasks.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An edit of a comment: its new text. Mentions it adds are checked but nobody is told
 * again.
 *
 * @param body the new text
 */
record PatchCommentRequest(@NotBlank @Size(max = 10_000) String body) {
}
