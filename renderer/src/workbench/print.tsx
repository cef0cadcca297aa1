/**
 * Printing one section of a screen (an invoice, a statement) through the browser's print dialog,
 * which also saves it as PDF: everything but the section marked `data-print-area` is hidden,
 * the page scrolls no more, and colours go black on white.
 */
import GlobalStyles from '@mui/material/GlobalStyles';

/** Mount once on a screen that can print; mark the part to print with `data-print-area`. */
export function PrintStyles() {
  return (
    <GlobalStyles
      styles={{
        '@media print': {
          'body *': { visibility: 'hidden' },
          '[data-print-area], [data-print-area] *': { visibility: 'visible' },
          '[data-print-area]': { position: 'absolute', left: 0, top: 0, width: '100%', color: '#000', background: '#fff' },
          '[data-print-area] .no-print': { display: 'none' },
          // A table that scrolls on screen prints whole: every row of a 1,000-reward statement, over pages.
          '[data-print-area] .MuiTableContainer-root': { maxHeight: 'none !important', overflow: 'visible !important' },
          '[data-print-area] .MuiTableCell-stickyHeader': { position: 'static' },
          // Paper is narrower than a screen: compact cells keep a row on one or two lines.
          '[data-print-area] .MuiTableCell-root': { fontSize: '9pt', padding: '3px 6px', lineHeight: 1.3 },
          '[data-print-area] tr': { breakInside: 'avoid' },
          '[data-print-area] thead': { display: 'table-header-group' },
          // Links and names print as text, black on white.
          '[data-print-area] a, [data-print-area] .MuiLink-root': { color: '#000 !important', textDecoration: 'none' },
          'html, body, #root, main': { height: 'auto !important', overflow: 'visible !important' },
          '@page': { margin: '14mm' },
        },
      }}
    />
  );
}

/** Opens the print dialog (print or save as PDF). */
export function printPage(): void {
  window.print();
}
