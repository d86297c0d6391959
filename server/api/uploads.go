package api

import (
	"github.com/google/uuid"

	"doorstep/server/uploads"
)

// UploadRequest is a multipart form with one image in the field "file".
type UploadRequest struct {
	File FileUpload `file:"file"`
}

func (s *Server) upload(c *Call, req *UploadRequest) (uploads.View, error) {
	return s.uploads.Upload(c.Ctx, c.Actor, req.File.Data)
}

func (s *Server) readUpload(thumb bool) Handler[IDParam, File] {
	return func(c *Call, req *IDParam) (File, error) {
		return withID(*req, func(id uuid.UUID) (File, error) {
			data, ct, err := s.uploads.Read(c.Ctx, c.Actor, id, thumb)
			return File{Data: data, ContentType: ct, Private: true}, err
		})
	}
}
