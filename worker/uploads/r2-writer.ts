/**
 * Writes an object of unknown length to R2 without holding it whole: bytes collect in one part buffer
 * and go out as R2 multipart parts of exactly `partSize` bytes (R2 wants every part but the last to have
 * the same size, ≥ 5 MiB). An object smaller than one part is a single `put`. Memory: one part buffer
 * plus the full parts not yet sent (`flush()` sends them; callers flush once per block of input), and
 * at most two sent part buffers kept for reuse. With `initialBytes` the first buffer starts that small
 * and doubles up to a part, for objects that are usually small (the chunk index).
 */
export const PART_SIZE = 5 * 1024 * 1024;

export class R2ObjectWriter {
  private buffer: Uint8Array;
  private length = 0;
  private readonly fullParts: Uint8Array[] = [];
  /** Part buffers already sent, reused instead of allocating 5 MiB per part. */
  private readonly spare: Uint8Array[] = [];
  private upload: R2MultipartUpload | null = null;
  private readonly uploaded: R2UploadedPart[] = [];
  private finished = false;
  private readonly encoder = new TextEncoder();
  /** Bytes written so far. */
  size = 0;

  constructor(
    private readonly bucket: R2Bucket,
    readonly key: string,
    private readonly options: { contentType?: string; partSize?: number; initialBytes?: number } = {},
  ) {
    this.buffer = new Uint8Array(Math.min(this.partSize, options.initialBytes ?? this.partSize));
  }

  private get partSize() {
    return this.options.partSize ?? PART_SIZE;
  }

  /** Appends bytes (copied); sends nothing until `flush`. */
  write(bytes: Uint8Array, start = 0, end = bytes.length): void {
    this.size += end - start;
    while (start < end) {
      const room = this.buffer.length - this.length;
      const take = Math.min(room, end - start);
      this.buffer.set(start === 0 && take === bytes.length ? bytes : bytes.subarray(start, start + take), this.length);
      this.length += take;
      start += take;
      if (this.length === this.buffer.length) this.bufferFull();
    }
  }

  /** Appends a string as UTF-8, encoded straight into the part buffer. */
  writeString(text: string): void {
    let rest = text;
    for (;;) {
      const { read, written } = this.encoder.encodeInto(rest, this.buffer.subarray(this.length));
      this.length += written;
      this.size += written;
      if (this.length === this.buffer.length) this.bufferFull();
      if (read === rest.length) return;
      rest = rest.slice(read);
      // The next character did not fit whole: its bytes are split over this part and the next.
      const charLength = rest.codePointAt(0)! > 0xffff ? 2 : 1;
      this.write(this.encoder.encode(rest.slice(0, charLength)));
      rest = rest.slice(charLength);
      if (rest === "") return;
    }
  }

  writeByte(byte: number): void {
    this.buffer[this.length++] = byte;
    this.size++;
    if (this.length === this.buffer.length) this.bufferFull();
  }

  /** A buffer smaller than a part grows (twice the size, at most a part); a full part is queued. */
  private bufferFull(): void {
    if (this.buffer.length < this.partSize) {
      const grown = new Uint8Array(Math.min(this.partSize, this.buffer.length * 2));
      grown.set(this.buffer);
      this.buffer = grown;
      return;
    }
    this.rotate();
  }

  private rotate(): void {
    this.fullParts.push(this.buffer);
    this.buffer = this.spare.pop() ?? new Uint8Array(this.partSize);
    this.length = 0;
  }

  /** Sends the full parts queued so far. */
  async flush(): Promise<void> {
    while (this.fullParts.length > 0) {
      const part = this.fullParts.shift()!;
      this.upload ??= await this.bucket.createMultipartUpload(this.key, { httpMetadata: this.httpMetadata() });
      this.uploaded.push(await this.upload.uploadPart(this.uploaded.length + 1, part));
      // Once uploadPart has resolved, R2 is done with the bytes.
      if (this.spare.length < 2) this.spare.push(part);
    }
  }

  async close(): Promise<void> {
    await this.flush();
    this.finished = true;
    const last = this.buffer.subarray(0, this.length);
    if (!this.upload) {
      await this.bucket.put(this.key, last, { httpMetadata: this.httpMetadata() });
      return;
    }
    if (last.length > 0) this.uploaded.push(await this.upload.uploadPart(this.uploaded.length + 1, last));
    await this.upload.complete(this.uploaded);
  }

  /** Leaves nothing behind: aborts a multipart upload in progress (a finished object is the caller's to delete). */
  async abort(): Promise<void> {
    if (this.finished || !this.upload) return;
    this.finished = true;
    await this.upload.abort().catch(() => undefined);
  }

  private httpMetadata() {
    return this.options.contentType ? { contentType: this.options.contentType } : undefined;
  }
}
