import { Button, Card, Form, Typography } from 'antd';
import { useOrdersT } from '../../../i18n/orders';
import PhotoUploader from '../../../components/uploads/PhotoUploader';
import { photosRule } from '../../../components/uploads/photos';
import { MAX_SAMPLE_PHOTOS } from '../orderForm';

/** Sample photos are uploaded (the phone offers its camera); the image
 *  links an older order was given are listed and may be removed, never
 *  added to. Links and photos together are at most MAX_SAMPLE_PHOTOS. */
export default function SamplePhotosCard() {
  const t = useOrdersT();
  const form = Form.useFormInstance();
  const links: string[] = Form.useWatch('sample_links', form) ?? [];
  return (
    <Card title={t('form.section.photos')} className="form-section">
      <Form.Item label={t('field.samplePhotos')} name="sample_uploads" extra={t('hint.photos')} rules={[photosRule(t('ful.photo.wait'))]}>
        <PhotoUploader max={MAX_SAMPLE_PHOTOS - links.length} testId="sample-photos" />
      </Form.Item>
      <Form.List name="sample_links">
        {(fields, { remove }) =>
          fields.length > 0 && (
            <div data-testid="sample-links">
              <Typography.Text type="secondary">{t('form.oldPhotoLinks')}</Typography.Text>
              <ul className="photo-links">
                {fields.map((f) => {
                  const url = form.getFieldValue(['sample_links', f.name]) as string;
                  return (
                    <li key={f.key}>
                      <a href={url} target="_blank" rel="noreferrer noopener" className="break-all">
                        {url}
                      </a>{' '}
                      <Button type="link" size="small" danger onClick={() => remove(f.name)}>
                        {t('form.removeLink')}
                      </Button>
                    </li>
                  );
                })}
              </ul>
            </div>
          )
        }
      </Form.List>
    </Card>
  );
}
