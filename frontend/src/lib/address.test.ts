import { placeText, streetAddress } from './address';

describe('addresses do not repeat their region', () => {
  it('drops a leading copy of the region, with or without spaces', () => {
    expect(streetAddress('山东省滨州市滨城区黄河五路318号', '山东省 滨州市 滨城区')).toBe('黄河五路318号');
    expect(streetAddress('山东省 滨州市 滨城区 黄河五路 318 号', '山东省 滨州市 滨城区')).toBe('黄河五路 318 号');
    expect(streetAddress('滨城区市西街道碧林花园小区', '山东省 滨州市 滨城区')).toBe('市西街道碧林花园小区');
    expect(placeText('山东省 滨州市 滨城区', '山东省滨州市滨城区黄河五路318号')).toBe('山东省 滨州市 滨城区 黄河五路318号');
  });
  it('keeps addresses that do not start with the region', () => {
    expect(streetAddress('黄河五路318号', '山东省 滨州市 滨城区')).toBe('黄河五路318号');
    expect(streetAddress('山东省', '山东省 滨州市 滨城区')).toBe('山东省');
  });
});
