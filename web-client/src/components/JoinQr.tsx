import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../lang';

/**
 * The join link as a QR code, drawn in the browser (no service is asked): a participant points a
 * phone's camera at the projector. The image's text alternative names the link, which is also
 * shown as text beside it, so nobody depends on the code.
 */
export function JoinQr({ url, size = 'medium' }: { url: string; size?: 'medium' | 'large' }) {
  const { t } = useI18n();
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } })
      .then((text) => {
        if (current) setSvg(text);
      })
      .catch(() => {
        if (current) setSvg(null);
      });
    return () => {
      current = false;
    };
  }, [url]);
  return (
    <figure class={`join-qr join-qr-${size}`} data-testid="join-qr" data-state={svg ? 'ready' : 'pending'} data-url={url}>
      {svg && <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={t('dash.qrAlt', { url })} />}
      <figcaption>{t('dash.qrCaption')}</figcaption>
    </figure>
  );
}
