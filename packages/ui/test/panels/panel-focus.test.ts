import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findFocusedRow, focusForMarker } from '../../src/panels/panel-focus';

describe('a marker focusing a panel', () => {
  test('errors open the Console, failed requests the Network panel, other markers nothing', () => {
    assert.deepEqual(focusForMarker('error', 1_200), { panel: 'console', timeMs: 1_200 });
    assert.deepEqual(focusForMarker('failed-request', 800), { panel: 'network', timeMs: 800 });
    assert.equal(focusForMarker('click', 800), undefined);
    assert.equal(focusForMarker('rage-click', 800), undefined);
  });

  test("lands on the marker's own row among rows of the same millisecond, else on the playhead's row", () => {
    const rows = [
      { timeMs: 100, level: 'log' },
      { timeMs: 500, level: 'error' },
      { timeMs: 500, level: 'exception' },
      { timeMs: 500, level: 'log' },
      { timeMs: 900, level: 'exception' },
    ];
    const isException = (row: { level: string }) => row.level === 'exception';
    assert.equal(findFocusedRow(rows, 500, isException), rows[2]);
    assert.equal(findFocusedRow(rows, 700, isException), rows[3], 'no row at that time: the current one');
    assert.equal(
      findFocusedRow(rows, 500, () => false),
      rows[3],
    );
    assert.equal(findFocusedRow(rows, 50, isException), undefined, 'before the first row');
    assert.equal(findFocusedRow([], 50, isException), undefined);
  });
});
