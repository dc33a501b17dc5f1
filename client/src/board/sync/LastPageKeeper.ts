import type { TLPageId, TLRecord, TLStore } from 'tldraw'

/**
 * Keeps a store from losing its last page to a remote change. A board always has a page
 * (the server refuses deleting the last one), but a client's doc can be without one for a
 * moment: its own deletion of a page crossed someone's deletion of the other page, and the
 * server's correction, which puts its page back, is on the way [1]. tldraw would fill the gap
 * with a new default page at once, as if the person had made it, and the bridge would write it
 * to the board. So the last page stays in the store until another page arrives.
 */
export class LastPageKeeper {
  /** A page the doc no longer has, kept in the store because it would have had none. */
  private held: TLPageId | undefined

  /**
   * The ids of `removes` to take out of the store now, with `puts` arriving in the same
   * change; `inDoc` says whether the doc (still or again) has a record.
   */
  removals(
    store: TLStore,
    puts: readonly TLRecord[],
    removes: readonly TLRecord['id'][],
    inDoc: (id: string) => boolean,
  ): TLRecord['id'][] {
    const removing = new Set<TLRecord['id']>(removes)
    const pages = store.query.ids('page').get()
    const arriving = puts.some((r) => r.typeName === 'page')
    const staying = [...pages].some((id) => !removing.has(id) && id !== this.held)
    if (arriving || staying) {
      if (this.held && !inDoc(this.held)) removing.add(this.held)
      this.held = undefined
      return [...removing]
    }
    const keep = this.held ?? [...pages].find((id) => removing.has(id))
    if (keep) removing.delete(keep)
    this.held = keep
    return [...removing]
  }
}

// [1] Seen in two browsers deleting the two pages of a board at the same moment: without this,
//     the client whose deletion the server put back had created an empty "Page 1" that the
//     server took, undoing the other person's accepted deletion.
