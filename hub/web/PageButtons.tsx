// Previous/next for a paged list (cases, sends): the list keeps its offset, these move it by one page.
import { h } from './messages';

export function PageButtons(props: {
  offset: number;
  size: number;
  hasMore: boolean;
  onOffset: (offset: number) => void;
}) {
  const { offset, size, hasMore, onOffset } = props;
  return (
    <div class="actions">
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - size))}>
        {h('previousPage')}
      </button>
      <button type="button" disabled={!hasMore} onClick={() => onOffset(offset + size)}>
        {h('nextPage')}
      </button>
    </div>
  );
}
