// The portfolio matrix SVG rendered to PNG (resvg), for the picture inside the workbook.
import { Resvg } from '@resvg/resvg-js';

export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
