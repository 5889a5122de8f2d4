/**
 * Which stored updates of one section this instance has applied, by sequence number: the updates
 * it loaded, stored itself or received from other instances, in any order. {@link through} is the
 * highest sequence number at or below which every stored update has been applied: the furthest a
 * compaction may go, since it deletes the stored updates it covers (an update another instance
 * stored that this one has not applied would be lost with them).
 */
export class AppliedSequence {
  #through: number;
  /** Applied sequence numbers above `#through` (a gap below them: not yet contiguous). */
  readonly #above = new Set<number>();
  #highest: number;

  /** @param loadedThrough the newest sequence number of the stored updates loaded (0: none). */
  constructor(loadedThrough: number) {
    this.#through = loadedThrough;
    this.#highest = loadedThrough;
  }

  /** Every stored update through this sequence number has been applied. */
  get through(): number {
    return this.#through;
  }

  /** The newest sequence number applied (above {@link through} while some update is missing). */
  get highest(): number {
    return this.#highest;
  }

  /** Records that the update stored as `seq` has been applied (again: no effect). */
  add(seq: number): void {
    if (!Number.isInteger(seq) || seq <= this.#through) return;
    if (seq > this.#highest) this.#highest = seq;
    if (seq !== this.#through + 1) {
      this.#above.add(seq);
      return;
    }
    this.#through = seq;
    while (this.#above.delete(this.#through + 1)) this.#through++;
  }

  /** Records that every stored update through `seq` has been applied (a reload from the store). */
  addThrough(seq: number): void {
    if (seq <= this.#through) return;
    this.#through = seq;
    if (seq > this.#highest) this.#highest = seq;
    for (const above of this.#above) if (above <= seq) this.#above.delete(above);
    while (this.#above.delete(this.#through + 1)) this.#through++;
  }
}
