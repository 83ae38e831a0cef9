// A file that cannot be read or written is said in the user's words, by Node's error code.
import { describe, expect, it } from 'vitest';
import { wording } from '../../src/diagnostics/messages.js';

describe('a file error', () => {
  it('says a known code in Vietnamese or English, without the temporary file Node names', () => {
    const denied = { reason: "EACCES: permission denied, open '/x/out/..plan-cache.json.30024.tmp'" };
    expect(wording('write-failed', denied, 'vi').message).toBe('Không ghi được tệp kết quả: không có quyền truy cập tệp hoặc thư mục này.');
    expect(wording('write-failed', denied, 'en').message).toBe('Cannot write the output: permission denied for this file or folder.');
    expect(wording('read-failed', { reason: "ENOENT: no such file or directory, open 'plans/x.plan.yaml'" }, 'vi').message).toBe('Không đọc được tệp: không có tệp hoặc thư mục này.');
  });

  it('asks to close a file that another program holds open', () => {
    const busy = wording('write-failed', { reason: "EBUSY: resource busy or locked, rename 'a.tmp' -> 'a.pdf'" }, 'vi');
    expect(busy.message).toBe('Không ghi được tệp kết quả: tệp đang được một chương trình khác dùng.');
    expect(busy.hint).toBe('Đóng tệp nếu nó đang mở trong Word hoặc trình xem PDF, rồi dựng lại. Các tệp cũ vẫn được giữ nguyên.');
    expect(wording('write-failed', { reason: 'ENOSPC: no space left on device, write' }, 'en').hint).toBe('Check write permission and free space of the output folder (--out). Earlier files were kept.');
  });

  it('keeps Node\'s own text for another code or none', () => {
    expect(wording('write-failed', { reason: 'EIO: i/o error, write' }, 'vi').message).toBe('Không ghi được tệp kết quả: EIO: i/o error, write.');
    expect(wording('write-failed', { reason: '"a/../b" would be outside the output folder' }, 'en').message).toBe('Cannot write the output: "a/../b" would be outside the output folder.');
  });
});
