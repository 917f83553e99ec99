package ai.perstack.server.domain;

/**
 * Validated list parameters: how many, from where, and in which order.
 *
 * @param take       page size, 1..100
 * @param skip       items to skip, >= 0
 * @param sort       the field to sort by (already checked against the allowed fields)
 * @param descending whether the order is descending
 */
public record PageRequest(int take, int skip, String sort, boolean descending) {
}
